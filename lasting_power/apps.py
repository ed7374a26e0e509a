from django.apps import AppConfig


class LastingPowerConfig(AppConfig):
    name = "lasting_power"
    label = "lasting_power"
    verbose_name = "Make a lasting power of attorney"

    def ready(self):
        from digital_services.core.reference_data import reference_data_register

        # The dated fee amounts, put back after a flush (transactional tests flush).
        reference_data_register(
            app_label="lasting_power", migration="0003_fee_rates", function="rates_add"
        )
