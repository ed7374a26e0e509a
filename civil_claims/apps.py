from django.apps import AppConfig


class CivilClaimsConfig(AppConfig):
    name = "civil_claims"
    label = "civil_claims"
    verbose_name = "Money and possession claims"
