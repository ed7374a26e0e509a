"""Submitting, paying for and issuing a claim: number, dates, code, messages, sealed form."""

import datetime as dt

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType

from civil_claims.constants import ClaimStatus, PartyRole
from civil_claims.models import AccessCode, Claim
from civil_claims.services import (
    ClaimInvalid,
    FeeChanged,
    access_code_hash,
    claim_figures,
    claim_form_seal,
    claim_issue,
    claim_number_format,
    claim_payment_outcome,
    claim_submit,
)
from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from digital_services.payments.constants import PaymentStatus
from digital_services.payments.models import Payment

from .factories import claim_draft, claim_submitted, defendant_draft

pytestmark = pytest.mark.django_db

NOW = "2026-12-01 10:00 +0000"  # a Tuesday


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.SITE_URL = "http://testserver"


def _messages(claim):
    return OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(Claim), object_id=str(claim.pk)
    ).order_by("id")


@time_machine.travel(NOW, tick=False)
def test_submit_records_the_claim_with_figures_worked_out_to_the_issue_date():
    claim = claim_submitted()
    assert claim.status == ClaimStatus.AWAITING_PAYMENT
    assert claim.amount_pence == 125050
    # 8% on £1,250.50 from 1 June to 1 December 2026: 183 days.
    assert claim.interest_days == 183
    assert claim.interest_to_date_pence == 5016  # 27.4082191781 × 183 = 5015.70 → 5016
    assert claim.fee_basis_pence == 130066
    assert claim.fee_pence == 8000  # £1,000.01–£1,500 band
    assert [r.reason for r in claim.amount_rows.all()] == ["Unpaid invoice 1041", "Late fee"]
    assert claim.party(PartyRole.DEFENDANT).name == "Bodge Builders Ltd"
    assert claim.claim_number is None
    assert AuditEvent.objects.filter(action="claim.submitted", object_id=str(claim.pk)).exists()


@time_machine.travel(NOW, tick=False)
def test_submit_refuses_a_changed_fee_and_saves_nothing():
    with pytest.raises(FeeChanged) as raised:
        claim_submit(draft=claim_draft(), expected_fee_pence=7000)
    assert raised.value.figures.fee.fee_pence == 8000
    assert not Claim.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_submit_refuses_a_claim_over_the_online_limit():
    with pytest.raises(ClaimInvalid):
        claim_submit(draft=claim_draft(amount_rows=[("Loan", 2_500_001)]))
    claim_submit(draft=claim_draft(amount_rows=[("Loan", 2_500_000)]))


@time_machine.travel(NOW, tick=False)
def test_submit_refuses_an_unsigned_statement_of_truth_and_an_unsigned_company():
    with pytest.raises(ClaimInvalid):
        claim_submit(draft=claim_draft(sot_signed=False))
    company = defendant_draft(name="Acme Ltd", email="a@example.com", contact_channel="email")
    with pytest.raises(ClaimInvalid):
        claim_submit(draft=claim_draft(claimant=company))
    claim_submit(
        draft=claim_draft(
            claimant=company, sot_signer_name="Sam Signer", sot_signer_role="Director"
        )
    )


@time_machine.travel(NOW, tick=False)
def test_help_with_fees_claim_waits_for_the_caseworker_and_the_claimant_is_told():
    claim = claim_submitted(hwf_reference="hwf a1b 2c3")
    assert claim.status == ClaimStatus.HWF_PENDING
    assert claim.hwf_reference == "HWF-A1B-2C3"
    assert [m.template_key for m in _messages(claim)] == ["civil_claims.hwf_pending"]


def test_bad_help_with_fees_reference_is_refused():
    with pytest.raises(ClaimInvalid):
        claim_submitted(hwf_reference="HWF-123")


def test_claim_numbers_are_in_the_citizen_format():
    assert claim_number_format(1) == "000MC001"
    assert claim_number_format(123456) == "123MC456"
    with pytest.raises(ValueError):
        claim_number_format(1_000_000)


@time_machine.travel("2026-12-01 16:30 +0000", tick=False)
def test_issue_after_16_00_gives_the_next_day_and_the_deadlines(django_capture_on_commit_callbacks):
    claim = claim_submitted()
    with django_capture_on_commit_callbacks() as callbacks:
        claim = claim_issue(claim=claim)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN
    assert len(claim.claim_number) == 8 and claim.claim_number[3:5] == "MC"
    assert claim.issue_date == dt.date(2026, 12, 2)
    assert claim.deemed_service_date == dt.date(2026, 12, 7)
    assert claim.response_deadline == dt.date(2026, 12, 21)
    assert claim.interest_days == 184  # counted to the issue date
    assert claim.issued_at is not None
    other = claim_issue(claim=claim_submitted())
    assert other.claim_number != claim.claim_number
    # The sealed form is queued after commit (plus the outbox's own deliveries).
    assert any("claim_form_seal" in repr(c) for c in callbacks)


@time_machine.travel(NOW, tick=False)
def test_issue_sends_the_claimant_email_and_the_defendant_letter_with_a_working_code():
    claim = claim_issue(claim=claim_submitted(defendant=defendant_draft(email="d@example.com")))
    messages = list(_messages(claim))
    keys = [(m.template_key, m.channel) for m in messages]
    assert ("civil_claims.claim_issued_claimant", "email") in keys
    assert ("civil_claims.claim_issued_defendant", "letter") in keys
    assert ("civil_claims.claim_issued_defendant", "email") in keys
    letter = next(m for m in messages if m.channel == "letter")
    code = letter.personalisation["access_code"]
    assert letter.personalisation["claim_number"] == claim.claim_number
    assert "Bodge Builders Ltd" in letter.recipient
    stored = AccessCode.objects.get(claim=claim)
    assert stored.code_hash == access_code_hash(code.lower())
    assert code not in stored.code_hash
    assert stored.is_live


@time_machine.travel(NOW, tick=False)
def test_defendant_without_email_gets_only_the_letter():
    claim = claim_issue(claim=claim_submitted())
    defendant_keys = [m.channel for m in _messages(claim) if "defendant" in m.template_key]
    assert defendant_keys == ["letter"]


@time_machine.travel(NOW, tick=False)
def test_a_successful_payment_issues_the_claim_once():
    claim = claim_submitted()
    payment = Payment.objects.create(
        content_type=ContentType.objects.get_for_model(Claim),
        object_id=str(claim.pk),
        purpose="civil-claims-issue-fee",
        service="civil_claims",
        amount_pence=claim.fee_pence,
        reference=claim.reference,
        description="Court fee",
        status=PaymentStatus.SUCCESS,
    )
    claim_payment_outcome(payment=payment)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN
    assert claim.amount_paid_pence == claim.fee_pence
    number = claim.claim_number
    claim_payment_outcome(payment=payment)
    claim.refresh_from_db()
    assert claim.claim_number == number


@time_machine.travel(NOW, tick=False)
def test_a_failed_payment_leaves_the_claim_waiting():
    claim = claim_submitted()
    payment = Payment.objects.create(
        content_type=ContentType.objects.get_for_model(Claim),
        object_id=str(claim.pk),
        purpose="civil-claims-issue-fee",
        service="civil_claims",
        amount_pence=claim.fee_pence,
        reference=claim.reference,
        description="Court fee",
        status=PaymentStatus.FAILED,
    )
    claim_payment_outcome(payment=payment)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.AWAITING_PAYMENT


@time_machine.travel(NOW, tick=False)
def test_sealing_stores_the_claim_form_once():
    claim = claim_issue(claim=claim_submitted())
    document = claim_form_seal(claim_id=claim.pk)
    assert document.media_type == "application/pdf"
    assert document.filename == f"claim-form-{claim.claim_number}.pdf"
    assert claim_form_seal(claim_id=claim.pk).pk == document.pk
    assert claim_form_seal(claim_id=claim_submitted().pk) is None


@time_machine.travel(NOW, tick=False)
def test_figures_for_the_check_page():
    figures = claim_figures(amount_pence=125050, interest=claim_draft().interest)
    assert figures.issue_date == dt.date(2026, 12, 1)
    assert figures.total_pence == 125050 + 5016 + 8000


def test_claims_never_paid_are_closed_after_the_stale_period_but_not_those_waiting_for_staff():
    from civil_claims.constants import CLAIM_STALE_DAYS
    from civil_claims.services import claims_stale_close

    with time_machine.travel(NOW, tick=False):
        unpaid = claim_submitted()
        waiting_for_staff = claim_submitted(hwf_reference="HWF-A1B-2C3")
    later = dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC) + dt.timedelta(days=CLAIM_STALE_DAYS)
    with time_machine.travel(later - dt.timedelta(hours=1), tick=False):
        assert claims_stale_close() == 0
    with time_machine.travel(later + dt.timedelta(hours=1), tick=False):
        assert claims_stale_close() == 1
    unpaid.refresh_from_db()
    waiting_for_staff.refresh_from_db()
    assert unpaid.status == ClaimStatus.CLOSED_NOT_ISSUED
    assert unpaid.closed_at is not None
    assert waiting_for_staff.status == ClaimStatus.HWF_PENDING


def test_fee_check_before_a_late_payment_takes_the_new_band():
    # £1,480 at 8% from 1 June. Submitted on 31 July (60 days): £1,480 + £19.46 = £1,499.46,
    # a £80 fee. Paid on 1 December (183 days): £1,480 + £59.36 = £1,539.36, a £115 fee.
    from civil_claims.services import claim_fee_check

    with time_machine.travel("2026-07-31 10:00 +0000", tick=False):
        claim = claim_submitted(amount_rows=[("Invoice", 148000)])
        assert claim.fee_pence == 8000
        assert claim_fee_check(claim=claim) is None
    with time_machine.travel(NOW, tick=False):
        figures = claim_fee_check(claim=claim)
    assert figures.fee.fee_pence == 11500
    claim.refresh_from_db()
    assert claim.fee_pence == 11500
    assert AuditEvent.objects.filter(action="claim.fee_changed", object_id=str(claim.pk)).exists()


@time_machine.travel(NOW, tick=False)
def test_the_access_code_works_once_and_only_for_its_claim():
    """One way to use a code: ``defendant_access_check`` finds it (without using it) and
    ``defendant_claim_link`` uses it, once, for an account."""
    from civil_claims.services.defendant import defendant_access_check, defendant_claim_link
    from tests.accounts.factories import UserFactory

    claim = claim_issue(claim=claim_submitted())
    other = claim_issue(claim=claim_submitted())
    letter = next(m for m in _messages(claim) if m.channel == "letter")
    code = letter.personalisation["access_code"]
    assert defendant_access_check(claim_number=other.claim_number, code=code) is None
    assert defendant_access_check(claim_number=claim.claim_number, code="WRONG123") is None
    typed = f"{code[:4].lower()} {code[4:]}"
    access = defendant_access_check(claim_number=claim.claim_number.lower(), code=typed)
    assert access is not None and access.claim == claim
    user = UserFactory()
    assert defendant_claim_link(access_code_id=access.pk, user=user) == claim
    assert defendant_access_check(claim_number=claim.claim_number, code=code) is None  # used
    assert defendant_claim_link(access_code_id=access.pk, user=UserFactory()) is None
    assert (
        AuditEvent.objects.filter(action="claim.defendant_linked", object_id=str(claim.pk)).count()
        == 1
    )
