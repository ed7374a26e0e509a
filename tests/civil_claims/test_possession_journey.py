"""The landlord's possession claim journey through the test client: the pages that change
with the country and tenancy, the daily rent to confirm or correct, a reason for each
ground, the notice, the arrears pages with their running total, errors that keep what was
typed, and sending the claim."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.urls import reverse

from civil_claims.journeys.possession import POSSESSION
from civil_claims.models import PossessionClaim
from civil_claims.possession_constants import PossessionStatus
from digital_services.audit.models import AuditEvent
from digital_services.journeys.definitions import Answers
from tests.conftest import sign_in
from tests.quality.examples import POSSESSION_CLAIM, _possession_seed
from tests.tribunal_fees.factories import UserFactory

from .test_journey_submit import pay

pytestmark = pytest.mark.django_db

NOW = "2026-12-01 10:00:00+00:00"


@pytest.fixture(autouse=True)
def _clock_and_fees():
    with time_machine.travel(NOW, tick=False):
        _possession_seed()
        yield


@pytest.fixture
def user(client):
    user = UserFactory()
    sign_in(client, user)
    return user


def url(step: str) -> str:
    return reverse("civil_claims:possession-step", args=[step])


def errors(response) -> str:
    body = response.content.decode()
    return " | ".join(re.findall(r'<a href="#[^"]*">([^<]+)</a>', body)) or body[:500]


def text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def answer(client, step: str, data: dict) -> str:
    response = client.post(url(step), data)
    assert response.status_code == 302, errors(response)
    return response["Location"]


def add_items(client, step: str, items: list[dict]) -> None:
    for item in items:
        response = client.post(reverse("civil_claims:possession-item-add", args=[step]), item)
        assert response.status_code == 302, errors(response)
    response = client.post(url(step), {"add_another": "no"})
    assert response.status_code == 302, errors(response)


def _answers_so_far(**steps) -> Answers:
    return Answers(steps)


def answer_to_grounds(client, *, country="england", tenancy="assured"):
    client.get(reverse("civil_claims:possession-start"))
    answer(client, "property", {**POSSESSION_CLAIM["property"], "country": country})
    answer(client, "tenancy", {**POSSESSION_CLAIM["tenancy"], "tenancy_type": tenancy})


def answer_whole_claim(client, **changes):
    steps = {**POSSESSION_CLAIM, **changes}
    client.get(reverse("civil_claims:possession-start"))
    answers = Answers()
    for section in POSSESSION.sections:
        for step in section.steps:
            if not step.applies(answers):
                continue
            example = steps[step.slug]
            data = example(answers) if callable(example) else example
            if step.repeating:
                add_items(client, step.slug, data)
            else:
                answer(client, step.slug, data)
            form = step.make_form(answers, data=data) if not step.repeating else None
            if form is not None:
                assert form.is_valid(), form.errors
                answers[step.slug] = form.cleaned_data
            else:
                cleaned = []
                for item in data:
                    item_form = step.make_form(answers, data=item)
                    assert item_form.is_valid(), item_form.errors
                    cleaned.append(item_form.cleaned_data)
                answers[step.slug] = cleaned
    return answers


def test_the_tenancy_types_change_with_the_country(client):
    client.get(reverse("civil_claims:possession-start"))
    answer(client, "property", {**POSSESSION_CLAIM["property"], "country": "wales"})
    page = text(client.get(url("tenancy")))
    assert "What type of occupation contract is it?" in page
    assert "Standard occupation contract" in page and "Assured tenancy" not in page
    answer(client, "property", {**POSSESSION_CLAIM["property"], "country": "england"})
    page = text(client.get(url("tenancy")))
    assert "What type of tenancy is it?" in page
    assert "Assured tenancy" in page and "Introductory tenancy" in page
    assert "Standard occupation contract" not in page


def test_the_claimant_types_change_with_the_country(client):
    client.get(reverse("civil_claims:possession-start"))
    answer(client, "property", {**POSSESSION_CLAIM["property"], "country": "wales"})
    page = text(client.get(url("claimant-type")))
    assert "Community landlord" in page and "Social housing provider" not in page


@pytest.mark.parametrize(
    "country, tenancy, shown, not_shown",
    [
        ("england", "assured", "Ground 8: serious rent arrears", "section 157"),
        ("england", "secure", "section 84A", "Ground 7B"),
        ("england", "introductory", "Rent arrears", "Ground 8"),
        ("wales", "standard_contract", "section 181", "Ground 8"),
        ("wales", "secure_contract", "section 160", "section 181"),
    ],
)
def test_the_grounds_offered_follow_the_tenancy_and_country(
    client, country, tenancy, shown, not_shown
):
    answer_to_grounds(client, country=country, tenancy=tenancy)
    page = text(client.get(url("grounds")))
    assert shown in page
    assert not_shown not in page


def test_the_notice_types_follow_the_country(client):
    answer_to_grounds(client, country="wales", tenancy="standard_contract")
    page = text(client.get(url("notice")))
    assert "Landlord’s notice (section 173 or 186)" in page or "Landlord&#x27;s notice" in page
    assert "Section 21 notice" not in page


def test_the_daily_rent_is_shown_to_confirm_or_correct(client):
    answer_to_grounds(client)  # £950 a month
    page = text(client.get(url("daily-rent")))
    assert "The daily rent is £31.21. Is this right?" in page
    response = client.post(url("daily-rent"), {"correct": "no", "daily_rent_pence": ""})
    assert "Enter the rent for one day" in errors(response)
    answer(client, "daily-rent", {"correct": "no", "daily_rent_pence": "31.25"})
    answer(
        client,
        "tenancy",
        {**POSSESSION_CLAIM["tenancy"], "frequency": "weekly", "rent_pence": "150"},
    )
    assert "The daily rent is £21.43" in text(client.get(url("daily-rent")))


def test_another_frequency_has_its_daily_rent_typed(client):
    answer_to_grounds(client)
    answer(
        client,
        "tenancy",
        {**POSSESSION_CLAIM["tenancy"], "frequency": "other", "frequency_other": "Quarterly"},
    )
    page = text(client.get(url("daily-rent")))
    assert "What is the rent for one day?" in page
    assert "Is this right?" not in page


def test_each_chosen_ground_needs_its_own_reason_and_what_was_typed_is_kept(client):
    answer_to_grounds(client)
    answer(client, "grounds", {"grounds": ["8", "14"]})
    response = client.post(url("ground-reasons"), {"reason_8": "Three months unpaid"})
    assert "Enter why you are relying on Ground 14: nuisance or antisocial behaviour" in errors(
        response
    )
    assert "Three months unpaid" in response.content.decode()


def test_the_arrears_pages_appear_only_for_an_arrears_ground(client):
    answer_to_grounds(client)
    answer(client, "grounds", {"grounds": ["14"]})
    # Not asked: the page sends the landlord on, not to add a row
    assert "/arrears/add/" not in client.get(url("arrears"))["Location"]
    answer(client, "grounds", {"grounds": ["14", "10"]})
    assert client.get(url("arrears"))["Location"].endswith("/possession/arrears/add/")
    assert (
        client.get(reverse("civil_claims:possession-item-add", args=["arrears"])).status_code == 200
    )


def test_the_rent_statement_shows_a_running_total_and_the_total_arrears(client):
    answer_to_grounds(client)
    answer(client, "grounds", {"grounds": ["8"]})
    for item in POSSESSION_CLAIM["arrears"]:
        response = client.post(reverse("civil_claims:possession-item-add", args=["arrears"]), item)
        assert response.status_code == 302, errors(response)
    page = text(client.get(url("arrears")))
    assert "Arrears after 1 August 2025 £550.00" in page
    assert "Arrears after 1 September 2025 £1,500.00" in page
    assert "Total arrears £1,500.00" in page


def test_a_payment_needs_its_date_and_a_due_date_cannot_be_in_the_future(client):
    answer_to_grounds(client)
    answer(client, "grounds", {"grounds": ["8"]})
    response = client.post(
        reverse("civil_claims:possession-item-add", args=["arrears"]),
        {
            "due_on_0": "1", "due_on_1": "1", "due_on_2": "2027",
            "due_pence": "950", "paid_pence": "100",
            "paid_on_0": "", "paid_on_1": "", "paid_on_2": "",
        },
    )  # fmt: skip
    found = errors(response)
    assert "The date the rent was due must be today or in the past" in found
    assert "Enter the date it was paid" in found


def test_the_notice_asks_for_the_time_and_name_when_handed_over(client):
    answer_to_grounds(client)
    answer(client, "notice", {"served": "yes", "notice_type": "section_8"})
    response = client.post(
        url("notice-service"),
        {"method": "personally", "served_on_0": "1", "served_on_1": "9", "served_on_2": "2025"},
    )
    found = errors(response)
    assert "Enter the time you served the notice" in found
    assert "Enter the name of the person you handed it to" in found
    response = client.post(
        url("notice-service"),
        {"method": "post", "served_on_0": "1", "served_on_1": "9", "served_on_2": "2025"},
    )
    assert response.status_code == 302, errors(response)


def test_no_notice_skips_its_service_and_copy_pages(client):
    answer_to_grounds(client)
    answer(client, "notice", {"served": "no"})
    assert client.get(url("notice-service")).status_code == 302


@time_machine.travel(NOW, tick=False)
def test_sending_the_claim_records_it_at_the_fee_of_the_day_and_paying_issues_it(
    client, user, django_capture_on_commit_callbacks
):
    answer_whole_claim(client)
    check = text(client.get(reverse("civil_claims:possession-check")))
    assert "Daily rent £31.21" in check
    assert "Total arrears £1,500.00" in check
    assert "Court fee £404.00" in check
    response = client.post(reverse("civil_claims:possession-check"))
    assert response.status_code == 302, errors(response)
    assert "/payments/sandbox/" in response["Location"]
    card_url = response["Location"]
    claim = PossessionClaim.objects.get()
    assert claim.user == user
    assert claim.status == PossessionStatus.AWAITING_PAYMENT
    assert claim.fee_pence == 40400
    assert (claim.daily_rent_calculated_pence, claim.daily_rent_pence) == (3121, 3121)
    assert claim.arrears_total_pence == 150000
    assert [g.code for g in claim.grounds.all()] == ["1", "8"]  # in the statutory order
    assert claim.grounds.get(code="8").arrears
    assert claim.arrears_rows.count() == 2
    assert [d.name for d in claim.defendants] == ["Terry Tenant"]
    assert claim.claimant.email == "lana@example.com"
    assert claim.notice_served_to == "Terry Tenant"
    assert claim.notice_served_at.isoformat() == "2025-09-01T09:30:00+00:00"  # 10:30 BST
    assert AuditEvent.objects.filter(action="possession_claim.submitted").count() == 1
    page = text(client.get(reverse("civil_claims:possession-confirmation", args=[claim.reference])))
    assert "Your possession claim has been sent" in page
    assert "The court fee is £404.00" in page

    result = pay(client, card_url, django_capture_on_commit_callbacks)
    assert "Payment received" in text(result)
    claim.refresh_from_db()
    assert claim.status == PossessionStatus.ISSUED
    assert claim.amount_paid_pence == 40400
    assert re.fullmatch(r"\d{3}MC\d{3}", claim.claim_number)
    assert claim.issue_date.isoformat() == "2026-12-01"  # sent at 10am on a Tuesday
    assert AuditEvent.objects.filter(action="possession_claim.issued").count() == 1
    page = text(client.get(reverse("civil_claims:possession-confirmation", args=[claim.reference])))
    assert "Your possession claim has been issued" in page and claim.claim_number in page
    assert "Your claim was issued on 1 December 2026" in page


def test_help_with_fees_sends_the_claim_to_wait_for_the_decision(client, user):
    answer_whole_claim(client, fee={"how": "hwf"})
    response = client.post(reverse("civil_claims:possession-check"))
    assert response.status_code == 302, errors(response)
    claim = PossessionClaim.objects.get()
    assert claim.status == PossessionStatus.HWF_PENDING
    assert claim.hwf_reference == "HWF-A1B-23C"


def test_someone_else_cannot_open_the_confirmation(client, user):
    answer_whole_claim(client)
    client.post(reverse("civil_claims:possession-check"))
    claim = PossessionClaim.objects.get()
    other = UserFactory()
    client.logout()
    sign_in(client, other)
    page = client.get(reverse("civil_claims:possession-confirmation", args=[claim.reference]))
    assert page.status_code == 404


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _upload(client, step: str, content: bytes, name: str = "agreement.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        url(step),
        {"have": "yes", "reason": "", "upload": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"<html><script>alert(1)</script>", "agreement.pdf", "must be a PDF, JPG or PNG"),
        (b"GIF89a" + b"\0" * 20, "agreement.png", "must be a PDF, JPG or PNG"),
        (b"%PDF-" + b"0" * (10 * 1024 * 1024), "big.pdf", "must be smaller than 10MB"),
    ],
)
def test_an_upload_is_checked_for_its_type_size_and_magic_bytes(client, content, name, message):
    from digital_services.documents.models import Document

    answer_to_grounds(client)
    answer(client, "daily-rent", {"correct": "yes"})
    response = _upload(client, "tenancy-agreement", content, name)
    assert message in errors(response)
    assert Document.objects.count() == 0


def test_yes_without_a_file_asks_for_one(client):
    answer_to_grounds(client)
    answer(client, "daily-rent", {"correct": "yes"})
    response = client.post(url("tenancy-agreement"), {"have": "yes", "reason": ""})
    assert "Select a copy of the tenancy agreement to upload" in errors(response)


def test_the_upload_goes_to_the_document_store_and_is_attached_when_the_claim_is_sent(client, user):
    from digital_services.documents.models import Document
    from digital_services.documents.services import document_read

    answer_whole_claim(client)
    response = _upload(client, "tenancy-agreement", PDF)
    assert response.status_code == 302, errors(response)
    document = Document.objects.get()
    assert (document.media_type, document.object_id) == ("application/pdf", "")
    assert document_read(document=document) == PDF
    # Coming back shows the file without asking for it again
    page = client.get(url("tenancy-agreement"))
    assert "You uploaded agreement.pdf" in text(page)
    assert 'enctype="multipart/form-data"' in page.content.decode()
    response = client.post(reverse("civil_claims:possession-check"))
    assert response.status_code == 302, errors(response)
    claim = PossessionClaim.objects.get()
    assert claim.tenancy_agreement == document
    document.refresh_from_db()
    assert (document.object_id, document.owner) == (str(claim.pk), user)
    assert claim.tenancy_agreement_missing_reason == ""
    assert claim.notice_missing_reason == "The copy was lost in a flood."


def test_a_forged_document_token_is_not_taken(client):
    answer_to_grounds(client)
    answer(client, "daily-rent", {"correct": "yes"})
    response = client.post(
        url("tenancy-agreement"), {"have": "yes", "reason": "", "document": "1:forged"}
    )
    assert "Select a copy of the tenancy agreement to upload" in errors(response)
