from django.apps import AppConfig


class CivilClaimsConfig(AppConfig):
    name = "civil_claims"
    label = "civil_claims"
    verbose_name = "Money and possession claims"

    def ready(self):
        from digital_services.core.reference_data import reference_data_register

        # The dated issue fee bands, put back after a flush (transactional and browser tests
        # flush the database), as lasting power does with its fee rates.
        reference_data_register(
            app_label="civil_claims", migration="0002_issue_fee_bands_seed", function="bands_seed"
        )
