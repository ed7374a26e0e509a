from django.apps import AppConfig


class PrisonVisitsConfig(AppConfig):
    name = "prison_visits"
    label = "prison_visits"
    verbose_name = "Book a prison visit"

    # The caseworker role and its permissions, URLs and the rest: see service.py.
