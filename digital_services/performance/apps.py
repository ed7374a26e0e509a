from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "digital_services.performance"
    label = "performance"
    verbose_name = "Service performance"
