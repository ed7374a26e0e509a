from django.apps import AppConfig


class LastingPowerConfig(AppConfig):
    name = "lasting_power"
    label = "lasting_power"
    verbose_name = "Make a lasting power of attorney"

    def ready(self):
        from . import service  # noqa: F401 - registers the service with the platform
