"""System checks: catch a broken template or a missing Notify template id at deploy time."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured


@register(Tags.templates)
def notification_templates_check(app_configs, **kwargs):
    from .backends import notify_template_id
    from .constants import Channel, Language
    from .registry import TemplateError, template_problems, templates_all

    try:
        templates = templates_all()
    except TemplateError as exc:
        return [Error(str(exc), id="notifications.E001")]
    messages = []
    for template in templates:
        for problem in template_problems(template):
            messages.append(
                Error(f"Message template {template.key!r}: {problem}", id="notifications.E002")
            )
    if getattr(settings, "NOTIFICATIONS_BACKEND", "") == "notify":
        if len(getattr(settings, "NOTIFY_CALLBACK_TOKEN", "")) < 10:
            messages.append(
                Warning(
                    "NOTIFY_CALLBACK_TOKEN is shorter than 10 characters: delivery receipts will be refused.",
                    id="notifications.W002",
                )
            )
        try:
            for template in templates:
                # A letter without a Notify template goes as our own PDF (precompiled).
                for channel in set(template.channels) - {Channel.LETTER}:
                    for language in Language.values:
                        if not notify_template_id(template.key, channel, language):
                            messages.append(
                                Warning(
                                    f"No GOV.UK Notify template id for {template.key}:{channel}:{language} "
                                    "in NOTIFY_TEMPLATE_IDS; such messages will fail.",
                                    id="notifications.W001",
                                )
                            )
        except ImproperlyConfigured as exc:
            messages.append(Error(str(exc), id="notifications.E003"))
    return messages


@register()
def notification_sweep_check(app_configs, **kwargs):
    """A claim must outlive the slowest send, or the sweep sends a message a second time."""
    from .constants import TASK_DELIVER_TIME_LIMIT_SECONDS as limit

    timeout = getattr(settings, "NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS", 0)
    if timeout <= limit:
        return [
            Warning(
                f"NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS ({timeout}) is not above the "
                f"delivery task's time limit ({limit} s): a slow send may be sent twice.",
                id="notifications.W003",
            )
        ]
    return []
