from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "digital_services.audit"
    label = "audit"
    verbose_name = "Audit"
