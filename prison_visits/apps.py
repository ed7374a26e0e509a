from django.apps import AppConfig


class PrisonVisitsConfig(AppConfig):
    name = "prison_visits"
    label = "prison_visits"
    verbose_name = "Book a prison visit"

    def ready(self):
        from digital_services.core.reference_data import reference_data_register

        reference_data_register(
            app_label="prison_visits",
            migration="0002_staff_permissions",
            function="permissions_grant",
        )

        from . import service  # noqa: F401 - registers the service with the platform
