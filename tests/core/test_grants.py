"""The platform's grants (digital_services/core/grants.py): a signed, expiring, scoped way
back to what someone sent without an account, and their cases joining the account they
make later with the same confirmed email address."""

from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from digital_services.core.grants import (
    grant_check,
    grant_held,
    grant_issue,
    grant_read,
    grant_url,
)
from prison_visits.constants import GRANT_SCOPE
from prison_visits.emails import status_url
from tests.accounts.conftest import code_from_last_email
from tests.accounts.factories import UserFactory
from tests.prison_visits.factories import BookedVisitFactory, PrisonFactory

pytestmark = pytest.mark.django_db

SCOPE = "prison_visits.visit"


def test_a_grant_reads_back_its_scope_and_reference():
    grant = grant_read(grant_issue(scope=SCOPE, reference="G0QYEQP3"), scope=SCOPE)
    assert grant is not None
    assert (grant.scope, grant.reference) == (SCOPE, "G0QYEQP3")


def test_a_grant_expires():
    token = grant_issue(scope=SCOPE, reference="G0QYEQP3", ttl=timedelta(hours=1))
    with time_machine.travel(timezone.now() + timedelta(minutes=59)):
        assert grant_check(token, scope=SCOPE, reference="G0QYEQP3")
    with time_machine.travel(timezone.now() + timedelta(minutes=61)):
        assert grant_read(token) is None
        assert not grant_check(token, scope=SCOPE, reference="G0QYEQP3")


def test_a_grant_for_another_scope_or_reference_does_not_count():
    token = grant_issue(scope="tribunal_fees.fee", reference="TF-ABC-DEF")
    assert grant_read(token, scope=SCOPE) is None
    assert not grant_check(token, scope="tribunal_fees.fee", reference="TF-ABC-DEG")
    assert grant_check(token, scope="tribunal_fees.fee", reference="TF-ABC-DEF")


def test_a_changed_token_is_refused():
    token = grant_issue(scope=SCOPE, reference="G0QYEQP3")
    middle = len(token) // 2
    tampered = token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]
    assert grant_read(tampered) is None
    assert grant_read("") is None
    assert grant_read("not-a-token") is None


def test_a_token_signed_with_another_key_is_refused(settings):
    token = grant_issue(scope=SCOPE, reference="G0QYEQP3")
    settings.SECRET_KEY = "another-key-" + "x" * 40
    assert grant_read(token) is None


def test_the_grant_link_opens_the_visit_without_an_account():
    visit = BookedVisitFactory(prison=PrisonFactory())
    client = Client()
    page = reverse("prison_visits:visit-status", args=[visit.reference])
    assert client.get(page).status_code == 302  # to the look-up: not theirs yet

    link = status_url(visit).removeprefix("http://127.0.0.1:8000")
    link = link[link.index("/access/") :]
    response = client.get(link)

    assert response.status_code == 302 and response["Location"] == page
    assert grant_held(client_request(client), scope=GRANT_SCOPE, reference=visit.reference)
    opened = client.get(page)
    assert opened.status_code == 200
    assert visit.reference_display in opened.content.decode()


def test_the_grant_link_is_404_when_it_was_changed_or_has_expired():
    visit = BookedVisitFactory(prison=PrisonFactory())
    link = grant_url(
        scope=GRANT_SCOPE,
        reference=visit.reference,
        next_url=reverse("prison_visits:visit-status", args=[visit.reference]),
        ttl=timedelta(days=1),
    )
    client = Client()
    assert client.get(link.replace("/access/", "/access/x")).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert client.get(link).status_code == 404
    assert (
        client.get(reverse("prison_visits:visit-status", args=[visit.reference])).status_code == 302
    )


def test_a_grant_link_only_goes_to_a_page_of_this_site():
    token = grant_issue(scope=SCOPE, reference="G0QYEQP3", next_url="https://evil.example/")
    response = Client().get(reverse("core:grant", args=[token]))
    assert response.status_code == 302 and response["Location"] == reverse("core:start")


def client_request(client):
    """Enough of a request for ``grant_held`` to read the client's session."""

    class _Request:
        session = client.session

    return _Request()


# ---------------------------------------------------------------- an account made later


def _sign_up_and_confirm(client, email):
    client.post(
        reverse("account_signup"),
        {"email": email, "password1": "plum-tree-kettle-42", "password2": "plum-tree-kettle-42"},
    )
    return client.post(
        reverse("account_email_verification_sent"),
        {"action": "verify", "code": code_from_last_email()},
    )


def test_cases_sent_without_an_account_appear_after_sign_up_with_the_confirmed_email():
    visit = BookedVisitFactory(prison=PrisonFactory(), contact_email="Sam.Visitor@example.com")
    other = BookedVisitFactory(prison=PrisonFactory(), contact_email="someone.else@example.com")
    client = Client()

    _sign_up_and_confirm(client, "sam.visitor@example.com")

    visit.refresh_from_db()
    other.refresh_from_db()
    assert visit.user is not None and visit.user.email == "sam.visitor@example.com"
    assert other.user is None
    page = client.get(reverse("accounts:your-applications")).content.decode()
    assert visit.reference_display in page
    assert other.reference_display not in page
    assert (
        client.get(reverse("prison_visits:visit-status", args=[visit.reference])).status_code == 200
    )


def test_cases_are_not_claimed_with_an_unconfirmed_email():
    visit = BookedVisitFactory(prison=PrisonFactory(), contact_email="sam.visitor@example.com")
    user = UserFactory(email="sam.visitor@example.com")
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": False, "primary": True}
    )
    client = Client()
    client.force_login(user)

    visit.refresh_from_db()
    assert visit.user is None
    page = client.get(reverse("accounts:your-applications")).content.decode()
    assert visit.reference_display not in page


def test_signing_in_with_a_confirmed_email_claims_cases_sent_meanwhile():
    user = UserFactory(email="sam.visitor@example.com")
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    visit = BookedVisitFactory(prison=PrisonFactory(), contact_email="sam.visitor@example.com")
    owned = BookedVisitFactory(
        prison=PrisonFactory(), contact_email="sam.visitor@example.com", user=UserFactory()
    )

    Client().force_login(user)

    visit.refresh_from_db()
    owned.refresh_from_db()
    assert visit.user == user
    assert owned.user != user  # someone else's visit stays theirs


# ---------------------------------------------------------------- tribunal fees


def test_the_emailed_link_opens_a_tribunal_case_without_an_account(settings):
    from digital_services.notifications.models import OutboundMessage
    from tests.tribunal_fees.factories import AwaitingHwfFeeCaseFactory, HwfApplicationFactory
    from tribunal_fees import services as fee_services

    fee_case = AwaitingHwfFeeCaseFactory(user=None, email="payer@example.com")
    application = HwfApplicationFactory(fee_case=fee_case, user=None)
    page = reverse("tribunal_fees:hwf-detail", args=[application.reference])
    client = Client()
    assert client.get(page).status_code == 302  # to sign in: not this browser's yet

    fee_services.hwf_application_evidence_request(
        application=application, actor=UserFactory(is_staff=True), note="Your payslips"
    )
    message = OutboundMessage.objects.get(template_key="tribunal_fees.hwf_evidence_requested")
    link = message.personalisation["case_url"].removeprefix(settings.SITE_URL)
    assert link.startswith("/access/")

    assert client.get(link)["Location"] == page
    assert client.get(page).status_code == 200
    fee_page = reverse("tribunal_fees:fee-detail", args=[fee_case.reference])
    assert client.get(fee_page).status_code == 200  # the grant is for the fee and its HwF


def test_tribunal_cases_join_the_account_that_confirms_their_email():
    from tests.tribunal_fees.factories import FeeCaseFactory, RefundApplicationFactory

    fee_case = FeeCaseFactory(user=None, email="payer@example.com")
    refund = RefundApplicationFactory(user=None, email="PAYER@example.com")
    someone_elses = FeeCaseFactory(user=None, email="other@example.com")
    client = Client()

    _sign_up_and_confirm(client, "payer@example.com")

    page = client.get(reverse("accounts:your-applications")).content.decode()
    assert fee_case.reference in page and refund.reference in page
    assert someone_elses.reference not in page
    detail = reverse("tribunal_fees:fee-detail", args=[fee_case.reference])
    assert client.get(detail).status_code == 200
