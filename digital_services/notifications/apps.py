from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "digital_services.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
