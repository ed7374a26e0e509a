from django.apps import AppConfig


class LastingPowerConfig(AppConfig):
    name = "lasting_power"
    label = "lasting_power"
    verbose_name = "Make a lasting power of attorney"
