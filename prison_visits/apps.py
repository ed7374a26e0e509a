from django.apps import AppConfig


class PrisonVisitsConfig(AppConfig):
    name = "prison_visits"
    label = "prison_visits"
    verbose_name = "Book a prison visit"

    def ready(self):
        from . import service  # noqa: F401 - registers the service with the platform
