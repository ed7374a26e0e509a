from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Retention of personal data (one job for every record type) and "Your data" pages."""

    name = "digital_services.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self):
        from . import rules  # noqa: F401 - declares the platform apps' retention rules
