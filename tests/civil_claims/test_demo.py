"""The demo money claims of ``manage.py seed_demo``: an issued claim and one waiting for a
Help with Fees decision for the demo citizen, made through the services, and not made twice."""

from io import StringIO

import pytest
from django.core.management import call_command

from civil_claims import demo
from civil_claims.constants import ClaimStatus, HwfOutcome
from civil_claims.models import Claim
from civil_claims.selectors import claims_hwf_to_decide
from digital_services.accounts import demo as accounts_demo
from digital_services.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_the_demo_citizen_an_issued_claim_and_one_for_help_with_fees(
    settings, django_capture_on_commit_callbacks
):
    settings.ACCOUNTS_DEMO_USERS = True
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=out)

    claims = Claim.objects.filter(user__email=demo.CITIZEN_EMAIL)
    issued = claims.get(reason=demo.ISSUED_REASON)
    assert issued.status == ClaimStatus.OPEN and issued.claim_number
    assert issued.hwf_outcome == HwfOutcome.FULL
    assert issued.hwf_decided_by.email == demo.CASEWORKER_EMAIL
    assert issued.defendant.display_name == "Bodge Builders Ltd"
    assert AuditEvent.objects.filter(object_id=str(issued.pk), action="claim.issued").exists()
    waiting = claims.get(reason=demo.HWF_REASON)
    assert waiting.status == ClaimStatus.HWF_PENDING
    assert list(claims_hwf_to_decide()) == [waiting]
    assert f"claim {issued.claim_number} is issued" in out.getvalue()

    with django_capture_on_commit_callbacks(execute=True):  # again: nothing new
        demo.seed(stdout=StringIO())
    assert claims.count() == 2


def test_no_demo_claims_without_demo_users(settings):
    settings.ACCOUNTS_DEMO_USERS = False
    accounts_demo.seed(stdout=StringIO())
    demo.seed(stdout=StringIO())
    assert not Claim.objects.exists()
