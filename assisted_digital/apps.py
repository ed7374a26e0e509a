from django.apps import AppConfig


class AssistedDigitalConfig(AppConfig):
    name = "assisted_digital"
    label = "assisted_digital"
    verbose_name = "Assisted digital"
