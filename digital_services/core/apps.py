from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "digital_services.core"
    label = "core"
    verbose_name = "Core pages"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import choices
        from .reference_data import reference_data_on_post_migrate

        choices.install()

        post_migrate.connect(reference_data_on_post_migrate, dispatch_uid="core.reference_data")
