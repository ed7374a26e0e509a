from django.apps import AppConfig


class TribunalFeesConfig(AppConfig):
    name = "tribunal_fees"
    label = "tribunal_fees"
    verbose_name = "Pay tribunal fees"

    def ready(self):
        from digital_services.core.reference_data import reference_data_register

        reference_data_register(
            app_label="tribunal_fees", migration="0002_fee_schedule_2013", function="schedule_seed"
        )
        # The immigration and property chamber fees (a flush would lose them otherwise).
        reference_data_register(
            app_label="tribunal_fees",
            migration="0008_fee_schedule_current_tribunals",
            function="schedule_seed",
        )
        # The caseworker role, its permissions and the payments hook: see service.py.
