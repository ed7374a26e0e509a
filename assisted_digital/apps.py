from django.apps import AppConfig


class AssistedDigitalConfig(AppConfig):
    name = "assisted_digital"
    label = "assisted_digital"
    verbose_name = "Assisted digital"

    def ready(self):
        from django.contrib.auth.signals import user_logged_out

        from .receivers import assisted_session_end_on_sign_out

        user_logged_out.connect(
            assisted_session_end_on_sign_out, dispatch_uid="assisted_digital.end_on_sign_out"
        )
