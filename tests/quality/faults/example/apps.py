from django.apps import AppConfig


class FaultExampleConfig(AppConfig):
    name = "tests.quality.faults.example"
    label = "fault_example"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from digital_services.core.registry import Service, service_register

        service_register(
            Service(
                slug="fault-example",
                name="Apply for a fault test",
                description="Used only by the fault tests",
                start_url_name="fault_example:apply-start",
                order=999,
            )
        )
