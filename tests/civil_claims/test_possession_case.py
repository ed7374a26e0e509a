"""A possession claim from issue to eviction, through its services: the claim pack letter
to each defendant with their own access code (the PDF read back), Help with Fees
decisions, the hearing (4-to-8-week window, the 21-day warning, adjourn, cancel,
outcome), and the warrant (request, fee, issue, notice of eviction)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from pypdf import PdfReader

from civil_claims.constants import HwfOutcome
from civil_claims.models import AccessCode, PossessionClaim, PossessionParty
from civil_claims.possession_constants import (
    HearingKind,
    HearingOutcome,
    HearingStatus,
    PossessionPartyRole,
    PossessionStatus,
    WarrantBasis,
)
from civil_claims.possession_hearing_rules import (
    first_hearing_window,
    hearing_short_notice,
    hearing_window_problem,
    warrant_refusal,
)
from civil_claims.services.common import access_code_hash
from civil_claims.services.possession import possession_claim_issue
from civil_claims.services.possession_hearing import (
    HearingRefused,
    possession_hearing_adjourn,
    possession_hearing_cancel,
    possession_hearing_list,
    possession_hearing_outcome,
)
from civil_claims.services.possession_pack import possession_letter_enclosures
from civil_claims.services.possession_warrant import (
    WarrantRefused,
    possession_hwf_decide,
    possession_hwf_reference_again,
    possession_warrant_issue,
    possession_warrant_payment_outcome,
    possession_warrant_request,
)
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.documents.services import document_read
from digital_services.notifications.models import OutboundMessage

from .factories_possession import possession_claim

pytestmark = pytest.mark.django_db
S = PossessionStatus
NOW = "2026-12-01 10:00 +0000"  # a Tuesday


def _messages(claim, template):
    return OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(PossessionClaim),
        object_id=str(claim.pk),
        template_key=f"civil_claims.{template}",
    ).order_by("pk")


def _second_defendant(claim):
    return PossessionParty.objects.create(
        claim=claim,
        role=PossessionPartyRole.DEFENDANT,
        position=1,
        name="Tia Tenant",
        address_line_1="Flat 2, 10 High Street",
        address_town="Leeds",
        address_postcode="LS1 4AB",
        email="tia@example.com",
        contact_channel="email",
    )


def _issued(status=S.ISSUED, **fields):
    values = {"claim_number": "901MC001", "issue_date": dt.date(2026, 12, 1)}
    values.update(fields)
    return possession_claim(status, **values)


def _at(day: dt.date, hour=10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


# The claim pack ---------------------------------------------------------------------


@time_machine.travel(NOW, tick=False)
def test_issue_posts_each_defendant_the_pack_with_their_own_code_and_tells_the_landlord(
    django_capture_on_commit_callbacks,
):
    claim = possession_claim(S.AWAITING_PAYMENT)
    _second_defendant(claim)
    with django_capture_on_commit_callbacks(execute=True):
        claim = possession_claim_issue(claim=claim)
    letters = list(_messages(claim, "possession_claim_pack"))
    assert [m.channel for m in letters] == ["letter", "letter"]
    assert "Terry Tenant" in letters[0].recipient and "Tia Tenant" in letters[1].recipient
    codes = [m.personalisation["access_code"] for m in letters]
    assert codes[0] != codes[1]
    for defendant, code in zip(claim.defendants, codes, strict=True):
        access = AccessCode.objects.get(code_hash=access_code_hash(code))
        assert access.possession_party == defendant
    assert letters[0].personalisation["claim_number"] == claim.claim_number
    landlord = _messages(claim, "possession_issued_claimant").get()
    assert (landlord.channel, landlord.recipient) == ("email", "lana@example.com")

    claim.refresh_from_db()
    assert claim.claim_pack is not None
    pdf = PdfReader(io.BytesIO(document_read(document=claim.claim_pack)))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Claim form for possession of property" in text
    assert claim.claim_number in text
    assert "Particulars of claim" in text
    assert "Three months unpaid" in text  # the ground's reason
    assert "Terry Tenant" in text and "Tia Tenant" in text
    [(filename, content)] = possession_letter_enclosures(message=letters[0])
    assert filename == f"possession-claim-{claim.claim_number}.pdf"
    assert content == document_read(document=claim.claim_pack)
    assert possession_letter_enclosures(message=landlord) == []


# Help with Fees ----------------------------------------------------------------------


@time_machine.travel(NOW, tick=False)
def test_full_remission_issues_the_claim(caseworker):
    claim = possession_claim(S.HWF_PENDING, hwf_reference="HWF-A1B-23C")
    claim = possession_hwf_decide(claim=claim, outcome=HwfOutcome.FULL, actor=caseworker)
    assert claim.status == S.ISSUED and claim.claim_number
    assert claim.hwf_fee_remitted_pence == 40400 and claim.hwf_amount_to_pay_pence == 0
    assert _messages(claim, "possession_hwf_full").count() == 1
    assert _messages(claim, "possession_claim_pack").count() == 1


def test_part_remission_leaves_the_rest_to_pay(caseworker):
    claim = possession_claim(S.HWF_PENDING, hwf_reference="HWF-A1B-23C")
    claim = possession_hwf_decide(
        claim=claim, outcome=HwfOutcome.PART, remitted_pence=30000, actor=caseworker
    )
    assert claim.status == S.HWF_AWAITING_CLAIMANT
    assert claim.hwf_amount_to_pay_pence == 10400
    message = _messages(claim, "possession_hwf_part").get()
    assert message.personalisation["amount_to_pay"] == "£104.00"
    assert claim.hwf_decided_by == caseworker


@pytest.mark.parametrize(
    "outcome,note,template",
    [
        (HwfOutcome.NONE, "", "possession_hwf_none"),
        (HwfOutcome.MORE_INFO, "Send your benefit letter", "possession_hwf_more_info"),
        (HwfOutcome.INVALID, "", "possession_hwf_invalid"),
    ],
)
def test_no_remission_more_information_and_invalid_wait_for_the_landlord(
    caseworker, outcome, note, template
):
    claim = possession_claim(S.HWF_PENDING, hwf_reference="HWF-A1B-23C")
    claim = possession_hwf_decide(claim=claim, outcome=outcome, note=note, actor=caseworker)
    assert claim.status == S.HWF_AWAITING_CLAIMANT
    assert _messages(claim, template).count() == 1


def test_a_part_remission_must_be_less_than_the_fee_and_more_information_needs_a_note(
    caseworker,
):
    claim = possession_claim(S.HWF_PENDING, hwf_reference="HWF-A1B-23C")
    with pytest.raises(ValueError):
        possession_hwf_decide(
            claim=claim, outcome=HwfOutcome.PART, remitted_pence=40400, actor=caseworker
        )
    with pytest.raises(ValueError):
        possession_hwf_decide(claim=claim, outcome=HwfOutcome.MORE_INFO, actor=caseworker)
    claim.refresh_from_db()
    assert claim.status == S.HWF_PENDING


@pytest.mark.parametrize(
    "status", [s for s in S.values if s not in (S.HWF_PENDING, S.WARRANT_HWF_PENDING)]
)
def test_help_with_fees_is_decided_only_when_waiting_for_it(caseworker, status):
    claim = possession_claim(status)
    with pytest.raises(TransitionNotAllowed):
        possession_hwf_decide(claim=claim, outcome=HwfOutcome.FULL, actor=caseworker)


def test_after_more_information_the_landlord_gives_the_reference_again(caseworker):
    claim = possession_claim(S.HWF_PENDING, hwf_reference="HWF-A1B-23C")
    possession_hwf_decide(
        claim=claim, outcome=HwfOutcome.MORE_INFO, note="Payslips", actor=caseworker
    )
    claim = possession_hwf_reference_again(claim=claim, reference="HWF-Z9Y-87X")
    assert claim.status == S.HWF_PENDING and claim.hwf_reference == "HWF-Z9Y-87X"
    with pytest.raises(TransitionNotAllowed):
        possession_hwf_reference_again(claim=claim, reference="HWF-Z9Y-87X")


# The hearing -------------------------------------------------------------------------


def test_the_first_hearing_window_is_4_to_8_weeks_after_issue():
    issued = dt.date(2026, 12, 1)
    assert first_hearing_window(issued) == (dt.date(2026, 12, 29), dt.date(2027, 1, 26))
    assert hearing_window_problem(issue_date=issued, hearing_on=dt.date(2026, 12, 29)) == ""
    assert hearing_window_problem(issue_date=issued, hearing_on=dt.date(2027, 1, 26)) == ""
    assert "between 29 December 2026 and 26 January 2027" in hearing_window_problem(
        issue_date=issued, hearing_on=dt.date(2026, 12, 28)
    )
    assert hearing_window_problem(issue_date=issued, hearing_on=dt.date(2027, 1, 27))


def test_the_21_day_warning_counts_from_the_later_of_the_two_services():
    issued = dt.date(2026, 12, 1)  # the pack is deemed served on 6 December
    # Listed on the issue date for 29 December: 23 days' notice, no warning.
    assert (
        hearing_short_notice(issue_date=issued, listed_on=issued, hearing_on=dt.date(2026, 12, 29))
        is None
    )
    # 27 December is 21 days after 6 December: enough.
    assert (
        hearing_short_notice(issue_date=issued, listed_on=issued, hearing_on=dt.date(2026, 12, 27))
        is None
    )
    assert (
        hearing_short_notice(issue_date=issued, listed_on=issued, hearing_on=dt.date(2026, 12, 26))
        == 20
    )
    # Listed on 20 December: the notice is served on 25 December, 4 days before.
    assert (
        hearing_short_notice(
            issue_date=issued, listed_on=dt.date(2026, 12, 20), hearing_on=dt.date(2026, 12, 29)
        )
        == 4
    )


def _list(claim, caseworker, day, **kwargs):
    values = {
        "kind": HearingKind.FIRST,
        "starts_at": _at(day),
        "duration_days": 0,
        "duration_hours": 0,
        "duration_minutes": 30,
        "notice_wording": "Bring your rent book.",
        "actor": caseworker,
    }
    values.update(kwargs)
    return possession_hearing_list(claim=claim, **values)


@time_machine.travel(NOW, tick=False)
def test_listing_the_first_hearing_sends_its_notice_to_every_party(caseworker):
    claim = _issued()
    _second_defendant(claim)
    hearing = _list(claim, caseworker, dt.date(2027, 1, 5))
    claim.refresh_from_db()
    assert claim.status == S.HEARING_LISTED
    assert hearing.status == HearingStatus.LISTED and hearing.short_notice_days is None
    notices = list(_messages(claim, "possession_hearing_notice"))
    assert sorted(m.channel for m in notices) == ["email", "email", "letter"]
    assert notices[0].personalisation["hearing_date"] == "5 January 2027"
    assert notices[0].personalisation["notice_wording"] == "Bring your rent book."
    assert notices[0].personalisation["duration"] == "30 minutes"
    assert AuditEvent.objects.filter(action="possession_claim.hearing_listed").count() == 1


@time_machine.travel(NOW, tick=False)
def test_a_first_hearing_outside_the_window_is_refused(caseworker):
    claim = _issued()
    with pytest.raises(HearingRefused) as refused:
        _list(claim, caseworker, dt.date(2026, 12, 22))
    assert "starts_on" in refused.value.errors
    claim.refresh_from_db()
    assert claim.status == S.ISSUED and not claim.hearings.exists()


@time_machine.travel("2026-12-24 10:00 +0000", tick=False)
def test_short_notice_needs_the_caseworker_to_accept_it(caseworker):
    claim = _issued()
    with pytest.raises(HearingRefused) as refused:
        _list(claim, caseworker, dt.date(2026, 12, 31))
    assert "less than the 21 days" in refused.value.errors["short_notice_accepted"]
    hearing = _list(claim, caseworker, dt.date(2026, 12, 31), short_notice_accepted=True)
    assert hearing.short_notice_days == 2  # the notice is deemed served on 29 December


@time_machine.travel(NOW, tick=False)
def test_adjourn_then_list_again_then_cancel_each_with_a_reason(caseworker):
    claim = _issued()
    first = _list(claim, caseworker, dt.date(2027, 1, 5))
    with pytest.raises(HearingRefused):
        possession_hearing_adjourn(claim=claim, reason=" ", actor=caseworker)
    possession_hearing_adjourn(claim=claim, reason="Judge unwell", actor=caseworker)
    first.refresh_from_db()
    claim.refresh_from_db()
    assert (first.status, first.reason) == (HearingStatus.ADJOURNED, "Judge unwell")
    assert claim.status == S.HEARING_ADJOURNED
    assert _messages(claim, "possession_hearing_adjourned").count() == 2
    _list(claim, caseworker, dt.date(2027, 2, 9), kind=HearingKind.ADJOURNED)
    possession_hearing_cancel(claim=claim, reason="Claim settled", actor=caseworker)
    claim.refresh_from_db()
    assert claim.status == S.ISSUED
    assert _messages(claim, "possession_hearing_cancelled").count() == 2


@pytest.mark.parametrize("status", [s for s in S.values if s != S.HEARING_LISTED])
def test_adjourn_cancel_and_outcome_need_a_listed_hearing(caseworker, status):
    claim = possession_claim(status)
    for call in (
        lambda: possession_hearing_adjourn(claim=claim, reason="x", actor=caseworker),
        lambda: possession_hearing_cancel(claim=claim, reason="x", actor=caseworker),
        lambda: possession_hearing_outcome(
            claim=claim, outcome=HearingOutcome.DISMISSED, actor=caseworker
        ),
    ):
        with pytest.raises(TransitionNotAllowed):
            call()


@pytest.mark.parametrize(
    "status",
    [
        s
        for s in S.values
        if s not in (S.ISSUED, S.HEARING_ADJOURNED, S.RESPONSE_RECEIVED, S.DEFENCE_RECEIVED)
    ],
)
def test_a_hearing_is_listed_only_after_issue_an_adjournment_or_a_response(caseworker, status):
    claim = possession_claim(status, issue_date=dt.date(2026, 12, 1))
    with pytest.raises(TransitionNotAllowed):
        _list(claim, caseworker, dt.date(2027, 1, 5))


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    "outcome,fields,status,words",
    [
        (
            HearingOutcome.OUTRIGHT,
            {"possession_on": dt.date(2027, 1, 19)},
            S.POSSESSION_ORDERED,
            "by 19 January 2027",
        ),
        (
            HearingOutcome.SUSPENDED,
            {"terms": "Pay £50 a week on top of the rent"},
            S.ORDER_SUSPENDED,
            "Pay £50 a week",
        ),
        (HearingOutcome.DISMISSED, {}, S.DISMISSED, "dismissed"),
    ],
)
def test_the_outcome_is_recorded_and_every_party_told(caseworker, outcome, fields, status, words):
    claim = _issued()
    _list(claim, caseworker, dt.date(2027, 1, 5))
    with time_machine.travel(_at(dt.date(2027, 1, 5), hour=11), tick=False):  # at the hearing
        hearing = possession_hearing_outcome(
            claim=claim, outcome=outcome, actor=caseworker, **fields
        )
    claim.refresh_from_db()
    assert claim.status == status
    assert (hearing.status, hearing.outcome) == (HearingStatus.HEARD, outcome)
    messages = list(_messages(claim, "possession_outcome"))
    assert len(messages) == 2  # the landlord and the tenant
    assert words in messages[0].personalisation["outcome"]


@time_machine.travel(NOW, tick=False)
def test_an_outright_order_needs_its_date_and_a_suspended_one_its_terms(caseworker):
    claim = _issued()
    _list(claim, caseworker, dt.date(2027, 1, 5))
    with time_machine.travel(_at(dt.date(2027, 1, 5), hour=11), tick=False):
        with pytest.raises(HearingRefused):
            possession_hearing_outcome(
                claim=claim, outcome=HearingOutcome.OUTRIGHT, actor=caseworker
            )
        with pytest.raises(HearingRefused):
            possession_hearing_outcome(
                claim=claim, outcome=HearingOutcome.SUSPENDED, actor=caseworker
            )
    claim.refresh_from_db()
    assert claim.status == S.HEARING_LISTED


# The warrant -------------------------------------------------------------------------


def test_warrant_rules():
    today = dt.date(2027, 2, 1)
    ordered, suspended = S.POSSESSION_ORDERED, S.ORDER_SUSPENDED
    kwargs = {"possession_on": dt.date(2027, 2, 1), "today": today}
    assert warrant_refusal(status=ordered, basis=WarrantBasis.DATE_PASSED, **kwargs)
    kwargs["today"] = dt.date(2027, 2, 2)
    assert warrant_refusal(status=ordered, basis=WarrantBasis.DATE_PASSED, **kwargs) == ""
    assert warrant_refusal(status=ordered, basis=WarrantBasis.TERMS_BROKEN, **kwargs)
    assert warrant_refusal(status=suspended, basis=WarrantBasis.TERMS_BROKEN, **kwargs) == ""
    assert warrant_refusal(status=S.ISSUED, basis=WarrantBasis.TERMS_BROKEN, **kwargs)


@time_machine.travel("2027-02-01 10:00 +0000", tick=False)
def test_a_warrant_waits_for_the_order_date_to_pass(caseworker):
    claim = _issued(status=S.POSSESSION_ORDERED, order_possession_on=dt.date(2027, 2, 1))
    with pytest.raises(WarrantRefused) as refused:
        possession_warrant_request(claim=claim, basis=WarrantBasis.DATE_PASSED, amount_owed_pence=0)
    assert "after 1 February 2027" in refused.value.errors["basis"]
    claim.refresh_from_db()
    assert claim.status == S.POSSESSION_ORDERED


@pytest.mark.parametrize(
    "status", [s for s in S.values if s not in (S.POSSESSION_ORDERED, S.ORDER_SUSPENDED)]
)
def test_a_warrant_is_asked_for_only_after_an_order(status):
    claim = possession_claim(status, order_possession_on=dt.date(2020, 1, 1))
    with pytest.raises(TransitionNotAllowed):
        possession_warrant_request(claim=claim, basis=WarrantBasis.DATE_PASSED, amount_owed_pence=0)


@time_machine.travel("2027-02-10 10:00 +0000", tick=False)
def test_warrant_by_card_then_issued_with_the_eviction_date(caseworker):
    from digital_services.payments.constants import PaymentStatus
    from digital_services.payments.models import Payment

    claim = _issued(status=S.POSSESSION_ORDERED, order_possession_on=dt.date(2027, 2, 1))
    _second_defendant(claim)
    warrant = possession_warrant_request(
        claim=claim, basis=WarrantBasis.DATE_PASSED, amount_owed_pence=212_050
    )
    assert warrant.fee_pence == 14800  # the dated warrant fee
    claim.refresh_from_db()
    assert claim.status == S.WARRANT_AWAITING_PAYMENT
    payment = Payment(
        content_type=ContentType.objects.get_for_model(PossessionClaim),
        object_id=str(claim.pk),
        amount_pence=14800,
        status=PaymentStatus.SUCCESS,
    )
    possession_warrant_payment_outcome(payment=payment)
    claim.refresh_from_db()
    warrant.refresh_from_db()
    assert claim.status == S.WARRANT_REQUESTED and warrant.amount_paid_pence == 14800

    with pytest.raises(WarrantRefused):
        possession_warrant_issue(
            claim=claim, eviction_at=_at(dt.date(2027, 2, 10)), actor=caseworker
        )
    possession_warrant_issue(claim=claim, eviction_at=_at(dt.date(2027, 3, 3), 9), actor=caseworker)
    claim.refresh_from_db()
    assert claim.status == S.WARRANT_ISSUED
    notices = list(_messages(claim, "possession_eviction_notice"))
    assert sorted(m.channel for m in notices) == ["email", "letter"]
    assert notices[0].personalisation["eviction_date"] == "3 March 2027"
    assert notices[0].personalisation["eviction_time"] == "9:00am"
    assert _messages(claim, "possession_warrant_issued").count() == 1
    with pytest.raises(TransitionNotAllowed):
        possession_warrant_issue(
            claim=claim, eviction_at=_at(dt.date(2027, 3, 4)), actor=caseworker
        )


@time_machine.travel("2027-02-10 10:00 +0000", tick=False)
def test_a_suspended_order_broken_with_help_with_fees_goes_to_a_caseworker(caseworker):
    claim = _issued(status=S.ORDER_SUSPENDED, order_terms="Pay £50 a week")
    with pytest.raises(WarrantRefused) as refused:
        possession_warrant_request(
            claim=claim, basis=WarrantBasis.TERMS_BROKEN, amount_owed_pence=100
        )
    assert "breach_details" in refused.value.errors
    possession_warrant_request(
        claim=claim,
        basis=WarrantBasis.TERMS_BROKEN,
        breach_details="No payment since 6 January",
        amount_owed_pence=100_000,
        hwf_reference="HWF-A1B-23C",
    )
    claim.refresh_from_db()
    assert claim.status == S.WARRANT_HWF_PENDING
    claim = possession_hwf_decide(claim=claim, outcome=HwfOutcome.NONE, actor=caseworker)
    assert claim.status == S.WARRANT_HWF_AWAITING_CLAIMANT
    assert claim.warrant.hwf_amount_to_pay_pence == 14800
    assert (
        "the fee for a warrant of possession"
        in (_messages(claim, "possession_hwf_none").get().personalisation["fee_name"])
    )
    assert claim.hwf_outcome == ""  # the claim fee's own decision is untouched
