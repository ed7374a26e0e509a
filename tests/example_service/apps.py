from django.apps import AppConfig


class ExampleServiceConfig(AppConfig):
    """A service installed in the tests only (tests/settings.py), to prove that adding a
    service takes its app folder and one INSTALLED_APPS line (docs/adding-a-service.md)."""

    name = "tests.example_service"
    label = "example_service"
    verbose_name = "Apply for an example licence"
