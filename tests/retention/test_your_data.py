"""'Your data': a signed-in citizen sees and downloads everything held about them, across
services, and can delete their account (drafts at once; cases kept by law stay, unlinked)."""

import datetime as dt
import json

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from digital_services.audit.models import AuditEvent
from digital_services.journeys.models import Draft
from prison_visits.models import Visit
from tests.accounts.factories import StaffUserFactory
from tests.conftest import sign_in
from tests.prison_visits.factories import BookedVisitFactory, PrisonFactory
from tests.tribunal_fees.factories import RefundApplicationFactory
from tribunal_fees.models import RefundApplication

pytestmark = pytest.mark.django_db


@pytest.fixture
def holdings(citizen):
    """The citizen's draft, visit and refund application."""
    citizen.full_name = "Zebedee Quartermain"
    citizen.save()
    return {
        "draft": Draft.objects.create(
            user=citizen,
            service="tribunal-fees",
            journey="hwf",
            answers={"ni_number": "QQ123456C"},
            expires_at=timezone.now() + dt.timedelta(days=28),
        ),
        "visit": BookedVisitFactory(
            prison=PrisonFactory(), user=citizen, prisoner_last_name="Prisonerson"
        ),
        "refund": RefundApplicationFactory(user=citizen, account_number="31926819"),
    }


def test_your_data_needs_signing_in(client):
    response = client.get(reverse("privacy:your-data"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_your_data_shows_everything_held_across_services(client, citizen, holdings):
    sign_in(client, citizen)

    response = client.get(reverse("privacy:your-data"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "citizen@example.com" in html and "Zebedee Quartermain" in html
    assert "QQ123456C" in html  # the unsent draft
    assert "Prisonerson" in html  # the visit
    assert "31926819" in html  # the refund application's bank details
    assert reverse("privacy:your-data-download") in html
    assert reverse("privacy:account-delete") in html


def test_your_data_downloads_as_json(client, citizen, holdings):
    sign_in(client, citizen)

    response = client.get(reverse("privacy:your-data-download"))

    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == 'attachment; filename="your-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email_address"] == "citizen@example.com"
    assert data["applications_not_sent"][0]["answers"] == {"ni_number": "QQ123456C"}
    visits = data["services"]["Book a prison visit"]["visits"]
    assert visits[0]["prisoner_name"].endswith("Prisonerson")
    refunds = data["services"]["Pay tribunal fees"]["refund_applications"]
    assert refunds[0]["account_number"] == "31926819"


def test_your_data_shows_nobody_elses_data(client, citizen, holdings, django_user_model):
    other = django_user_model.objects.create_user(email="other@example.com")
    sign_in(client, other)

    html = client.get(reverse("privacy:your-data")).content.decode()

    assert "Prisonerson" not in html and "QQ123456C" not in html and "31926819" not in html


def test_the_delete_page_explains_what_is_kept_and_for_how_long(client, citizen):
    sign_in(client, citizen)

    html = client.get(reverse("privacy:account-delete")).content.decode()

    assert "What we must keep" in html
    assert "Refund applications" in html and "7 years" in html
    assert "6 months after the date of the visit" in html


def test_deleting_without_confirming_shows_an_error_and_deletes_nothing(client, citizen, holdings):
    sign_in(client, citizen)

    response = client.post(reverse("privacy:account-delete"), {})

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Confirm that you want to delete your account" in html
    assert "<title>Error:" in html
    assert Draft.objects.filter(user=citizen).exists()
    assert not AuditEvent.objects.filter(action__startswith="privacy.account_deletion").exists()


def test_deleting_the_account_removes_drafts_keeps_cases_unlinked_and_audits_it(
    client, citizen, holdings
):
    sign_in(client, citizen)

    response = client.post(reverse("privacy:account-delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:account-deleted")
    assert SESSION_KEY not in client.session
    assert not Draft.objects.filter(pk=holdings["draft"].pk).exists()
    visit = Visit.objects.get(pk=holdings["visit"].pk)
    refund = RefundApplication.objects.get(pk=holdings["refund"].pk)
    assert visit.user_id is None and visit.prisoner_last_name == "Prisonerson"
    assert refund.user_id is None and refund.account_number == "31926819"
    citizen.refresh_from_db()
    assert citizen.email.endswith("@closed.invalid") and citizen.full_name == ""
    assert not citizen.is_active and not citizen.has_usable_password()
    actions = list(
        AuditEvent.objects.filter(object_id=str(citizen.pk), object_type="accounts.user")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["privacy.account_deletion.requested", "privacy.account_deletion.completed"]
    completed = AuditEvent.objects.get(action="privacy.account_deletion.completed")
    assert completed.detail["drafts"] == 1 and completed.detail["prison-visits"] == 1
    assert "citizen@example.com" not in json.dumps(completed.detail)
    assert client.get(reverse("privacy:account-deleted")).status_code == 200


def test_a_deleted_account_cannot_sign_in_again(client, citizen):
    sign_in(client, citizen)
    client.post(reverse("privacy:account-delete"), {"confirm": "on"})

    client.post(
        reverse("account_login"), {"login": "citizen@example.com", "password": "a-long-password-1"}
    )

    assert SESSION_KEY not in client.session


def test_staff_cannot_delete_their_account_here(client):
    staff = StaffUserFactory()
    sign_in(client, staff)

    assert client.get(reverse("privacy:account-delete")).status_code == 403
    assert client.post(reverse("privacy:account-delete"), {"confirm": "on"}).status_code == 403
    staff.refresh_from_db()
    assert staff.is_active


def test_your_applications_links_to_your_data(client, citizen):
    sign_in(client, citizen)

    html = client.get(reverse("accounts:your-applications")).content.decode()

    assert reverse("privacy:your-data") in html


def test_a_failed_deletion_changes_nothing_and_is_audited_as_failed(citizen, holdings, monkeypatch):
    from digital_services.privacy import services

    def broken(user):
        Draft.objects.filter(user=user).delete()  # half done...
        raise RuntimeError("database went away")  # ...then a failure

    monkeypatch.setattr(services, "_account_close", broken)

    with pytest.raises(RuntimeError):
        services.account_close(user=citizen)

    citizen.refresh_from_db()
    assert citizen.email == "citizen@example.com" and citizen.is_active
    assert Draft.objects.filter(user=citizen).exists()  # rolled back
    assert list(
        AuditEvent.objects.filter(action__startswith="privacy.account_deletion")
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["privacy.account_deletion.requested", "privacy.account_deletion.failed"]


def test_each_service_has_its_own_heading_on_the_readable_page(client, citizen, holdings):
    sign_in(client, citizen)

    html = client.get(reverse("privacy:your-data")).content.decode()

    assert '<h2 class="govuk-heading-l">Book a prison visit</h2>' in html
    assert '<h2 class="govuk-heading-l">Pay tribunal fees</h2>' in html
    assert '<h3 class="govuk-heading-m">Refund applications</h3>' in html
