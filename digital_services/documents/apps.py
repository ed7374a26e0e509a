from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "digital_services.documents"
    label = "documents"
    verbose_name = "Documents"
