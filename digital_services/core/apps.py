from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "digital_services.core"
    label = "core"
    verbose_name = "Core pages"
