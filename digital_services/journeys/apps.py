from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "digital_services.journeys"
    label = "journeys"
    verbose_name = "Journeys"

    def ready(self):
        # Django's signal, which allauth's sign-in (password or code) also sends.
        from django.contrib.auth.signals import user_logged_in

        from digital_services.core.registry import case_source_register

        from .selectors import draft_case_summaries
        from .signals import drafts_adopt_on_sign_in

        case_source_register(draft_case_summaries)
        user_logged_in.connect(drafts_adopt_on_sign_in, dispatch_uid="journeys.drafts_adopt")
