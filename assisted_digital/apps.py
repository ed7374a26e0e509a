from django.apps import AppConfig


class AssistedDigitalConfig(AppConfig):
    name = "assisted_digital"
    label = "assisted_digital"
    verbose_name = "Assisted digital"

    def ready(self):
        from digital_services.core.reference_data import reference_data_register

        reference_data_register(
            app_label="assisted_digital",
            migration="0003_managers_view_all_sessions",
            function="permission_grant",
        )

        from django.contrib.auth.signals import user_logged_out

        from .receivers import assisted_session_end_on_sign_out

        user_logged_out.connect(
            assisted_session_end_on_sign_out, dispatch_uid="assisted_digital.end_on_sign_out"
        )
