"""Retention: an issued claim is kept for its period, then everything on it goes (parties,
their history, the amounts, the sealed claim form); spent access codes go sooner."""

import datetime as dt

import pytest
import time_machine

from civil_claims.models import AccessCode, AmountRow, Claim, Party
from civil_claims.retention import ACCESS_CODE_RETENTION_DAYS, CLAIM_RETENTION_DAYS
from civil_claims.services import claim_access_code_reset, claim_form_seal
from digital_services.documents.models import Document
from digital_services.privacy.retention import retention_run

from .factories import claim_issued

pytestmark = pytest.mark.django_db

ISSUED = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


def test_a_claim_and_everything_on_it_is_deleted_after_its_period(caseworker):
    with time_machine.travel(ISSUED, tick=False):
        claim = claim_issued()
        claim_form_seal(claim_id=claim.pk)
        claim_access_code_reset(claim=claim, actor=caseworker)
    with time_machine.travel(ISSUED + dt.timedelta(days=ACCESS_CODE_RETENTION_DAYS + 1)):
        retention_run()
        assert AccessCode.objects.filter(claim=claim).count() == 1  # the live one stays
        assert Claim.objects.filter(pk=claim.pk).exists()
    with time_machine.travel(ISSUED + dt.timedelta(days=CLAIM_RETENTION_DAYS - 1)):
        retention_run()
        assert Claim.objects.filter(pk=claim.pk).exists()
    with time_machine.travel(ISSUED + dt.timedelta(days=CLAIM_RETENTION_DAYS + 2)):
        retention_run()
    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert not Party.objects.filter(claim_id=claim.pk).exists()
    assert not Party.history.filter(claim_id=claim.pk).exists()
    assert not Claim.history.filter(id=claim.pk).exists()
    assert not AmountRow.objects.filter(claim_id=claim.pk).exists()
    assert not Document.objects.filter(kind="claim_form").exists()
