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
        reference_data_register(
            app_label="tribunal_fees", migration="0003_caseworker_permissions", function="grant"
        )

        from digital_services.payments.services import payment_outcome_register

        from . import service  # noqa: F401 - registers the service with the platform
        from .constants import SERVICE
        from .services import fee_case_payment_outcome

        # The payments app tells us when a fee's card payment finishes.
        payment_outcome_register(service=SERVICE, handler=fee_case_payment_outcome)
