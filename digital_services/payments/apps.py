from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "digital_services.payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self):
        from digital_services.core.registry import services_list

        from .services import payment_outcome_register

        # Each service's registry entry names the handler told when its payment finishes.
        for service in services_list():
            if service.payment_outcome is not None:
                payment_outcome_register(service=service.label, handler=service.payment_outcome)
