from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "digital_services.payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self):
        from django.core.exceptions import ImproperlyConfigured

        from digital_services.core.registry import services_list

        from .checks import live_key_without_https  # also registers the system checks

        # Refuse to start at all rather than take live payments Pay cannot return from.
        problem = live_key_without_https()
        if problem:
            raise ImproperlyConfigured(problem)
        from .services import payment_outcome_register

        # Each service's registry entry names the handler told when its payment finishes.
        for service in services_list():
            if service.payment_outcome is not None:
                payment_outcome_register(service=service.label, handler=service.payment_outcome)
