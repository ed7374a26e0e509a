from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "digital_services.journeys"
    label = "journeys"
    verbose_name = "Journeys"
