"""The project's settings plus the apps that exist only for the tests.

``tests.example_service`` is a complete service installed with one line, as
docs/adding-a-service.md says a new service is; tests/example_service/test_service.py
checks that it shows up everywhere without any platform file naming it.
"""

from digital_services.settings import *  # noqa: F403
from digital_services.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.example_service"]
