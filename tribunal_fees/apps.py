from django.apps import AppConfig


class TribunalFeesConfig(AppConfig):
    name = "tribunal_fees"
    label = "tribunal_fees"
    verbose_name = "Pay tribunal fees"

    def ready(self):
        from . import service  # noqa: F401 - registers the service with the platform
