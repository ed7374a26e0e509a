"""LPAs at each registration stage, moved there through the same services the caseworker
pages call (one factory per state): completed → received → perfect or imperfect →
waiting period (notices given) → ready to register → registered."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from lasting_power import registration
from lasting_power.models import Lpa
from lasting_power.signing import Role, Signature

from .factories import lpa_completed


def signatures_in_order(lpa: Lpa, *, day: dt.date | None = None, attorney_first=False):
    """Signatures for a one-attorney P&F LPA the donor registers: donor, certificate
    provider, attorney, applicant (all on ``day``), or the attorney before the provider."""
    day = day or timezone.localdate() - dt.timedelta(days=10)
    attorney_on = day - dt.timedelta(days=1) if attorney_first else day
    return [
        Signature("donor", Role.DONOR, "Dorothy Donor", "section 9", day),
        Signature("certificate-provider", Role.CERTIFICATE_PROVIDER, "Cyril", "section 10", day),
        Signature("attorney-1", Role.ATTORNEY, "Atty One", "section 11", attorney_on),
        Signature("applicant-donor", Role.APPLICANT, "Dorothy Donor", "section 15", day),
    ]


def lpa_received(user=None, **kwargs) -> Lpa:
    lpa = lpa_completed(user, **kwargs)
    return registration.lpa_receive(lpa=lpa, received_on=timezone.localdate())


def lpa_imperfect(user=None, **kwargs) -> Lpa:
    lpa = lpa_received(user, **kwargs)
    return registration.lpa_check(lpa=lpa, signatures=signatures_in_order(lpa, attorney_first=True))


def lpa_perfect(user=None, **kwargs) -> Lpa:
    lpa = lpa_received(user, **kwargs)
    return registration.lpa_check(lpa=lpa, signatures=signatures_in_order(lpa))


def lpa_waiting(user=None, **kwargs) -> Lpa:
    lpa = lpa_perfect(user, **kwargs)
    registration.lpa_notices_send(lpa=lpa)
    lpa.refresh_from_db()
    return lpa


def lpa_ready(user=None, **kwargs) -> Lpa:
    lpa = lpa_waiting(user, **kwargs)
    assert registration.lpa_waiting_period_end(
        lpa_id=lpa.pk, today=lpa.waiting_period_ends_on + dt.timedelta(days=1)
    )
    lpa.refresh_from_db()
    return lpa


def lpa_registered(user=None, **kwargs) -> Lpa:
    lpa = lpa_ready(user, **kwargs)
    registration.lpa_register(lpa=lpa)
    lpa.refresh_from_db()
    return lpa
