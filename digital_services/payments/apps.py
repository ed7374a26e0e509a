from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "digital_services.payments"
    label = "payments"
    verbose_name = "Payments"
