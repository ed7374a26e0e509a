"""Alerts: faults that need a person to act, not a retry to pass.

A wrong or rotated API key, a clock out of step, a mail server refusing our login:
retrying keeps the work safe until someone fixes the configuration, but nobody
will fix it unless told. ``alert_raise`` logs one CRITICAL line on the
``digital_services.alerts`` logger, which the log shipper pages on. The line holds
a stable code and ids only, never personal data.
"""

from __future__ import annotations

import logging

logger = logging.getLogger("digital_services.alerts")


def alert_raise(*, code: str, message: str, **ids: object) -> None:
    """Page whoever runs the service: ``code`` is stable (``payments.provider_auth``),
    ``message`` says what to check, ``ids`` name the rows involved."""
    detail = " ".join(f"{name}={value}" for name, value in sorted(ids.items()))
    logger.critical("ALERT %s: %s%s", code, message, f" ({detail})" if detail else "")
