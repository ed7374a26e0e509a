from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "digital_services.accounts"
    label = "accounts"
    verbose_name = "Accounts"
