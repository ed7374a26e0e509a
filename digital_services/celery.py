"""The Celery application.

Tasks are autodiscovered from each app's ``tasks.py``. Periodic jobs are
declared in one place: each app may define ``BEAT_SCHEDULE`` in its
``tasks.py`` and they are merged here. Queue names are constants
(``digital_services.notifications.constants.ALL_QUEUES``) and the worker
listens on all of them (a test checks docker-compose.yml's worker command).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digital_services.settings")

app = Celery("digital_services")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _collect_beat_schedules(sender, **kwargs):
    """Merge every installed app's ``tasks.BEAT_SCHEDULE`` into the one schedule."""
    from importlib import import_module

    from django.apps import apps as django_apps
    from django.core.exceptions import ImproperlyConfigured

    if not sender.conf.broker_url and not sender.conf.task_always_eager:
        raise ImproperlyConfigured(
            "No Celery broker: set REDIS_URL or CELERY_BROKER_URL "
            "(or CELERY_TASK_ALWAYS_EAGER=true for a server-less demo)."
        )
    for config in django_apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.tasks")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.tasks":
                raise
            continue
        sender.conf.beat_schedule.update(getattr(module, "BEAT_SCHEDULE", {}))
