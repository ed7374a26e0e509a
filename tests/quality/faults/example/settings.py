"""The production settings plus the example service (the fault tests' app and worker only)."""

from digital_services.settings import *  # noqa: F403
from digital_services.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.quality.faults.example"]
ROOT_URLCONF = "tests.quality.faults.example.urls"
