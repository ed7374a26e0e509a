from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "digital_services.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from .receivers import staff_second_factor_on_authenticator_added

        authenticator_added.connect(
            staff_second_factor_on_authenticator_added, dispatch_uid="accounts.staff_second_factor"
        )
