from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "digital_services.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from digital_services.core.reference_data import reference_data_register

        reference_data_register(
            app_label="accounts", migration="0003_roles", function="roles_create"
        )

        from functools import partial

        from digital_services.core.reference_data import reference_data_function_register
        from digital_services.core.registry import service_roles_sync

        from .constants import ADMINISTRATOR

        # Each service's roles and permissions, from its registry entry (service.py).
        reference_data_function_register(partial(service_roles_sync, administrator=ADMINISTRATOR))

        from allauth.mfa.signals import authenticator_added

        from .receivers import staff_second_factor_on_authenticator_added

        authenticator_added.connect(
            staff_second_factor_on_authenticator_added, dispatch_uid="accounts.staff_second_factor"
        )

        from allauth.account.signals import email_confirmed
        from django.contrib.auth.signals import user_logged_in

        from .receivers import cases_claim_on_email_confirmed, cases_claim_on_sign_in

        email_confirmed.connect(cases_claim_on_email_confirmed, dispatch_uid="accounts.cases_claim")
        user_logged_in.connect(cases_claim_on_sign_in, dispatch_uid="accounts.cases_claim_sign_in")
