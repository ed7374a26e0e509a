from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "digital_services.notifications"
    label = "notifications"
    verbose_name = "Notifications"
