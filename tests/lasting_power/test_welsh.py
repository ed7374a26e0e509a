"""Issue #20 in Make a lasting power of attorney: an LPA keeps the language it was made in,
its pages speak it, and every message about it comes in the right language (docs/welsh.md):
the account holder's in the LPA's language, the correspondent's as the LPA's "letters in
Welsh" answer says. The printed forms are drawn in the LPA's language
(tests/lasting_power/test_documents_welsh.py)."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from pypdf import PdfReader

from digital_services.notifications.models import OutboundMessage
from digital_services.notifications.selectors import outbound_message_render
from lasting_power import services
from lasting_power.constants import LpaType
from lasting_power.correspondence import lpa_correspondent_send
from lasting_power.documents.generate import documents_build, paperwork_for
from lasting_power.models import Lpa
from tests.accounts.factories import UserFactory

from .factories import CORRESPONDENT_EMAIL, answer, lpa_answered

pytestmark = pytest.mark.django_db


def _welsh(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    return client


def _complete(lpa, capture, *, correspondent_in_welsh: bool = False):
    if correspondent_in_welsh:
        answer(lpa, "correspondent", {**CORRESPONDENT_EMAIL, "in_welsh": "yes"})
    services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})
    lpa.refresh_from_db()
    with capture(execute=True):
        services.lpa_complete(lpa=lpa, method="cheque", actor=lpa.user)
    lpa.refresh_from_db()
    return lpa


def _message(lpa, template):
    return OutboundMessage.objects.get(object_id=str(lpa.pk), template_key=template)


def _welsh_lpa(user=None, **kwargs):
    lpa = lpa_answered(user or UserFactory(email="rhys@example.com"), **kwargs)
    Lpa.objects.filter(pk=lpa.pk).update(language="cy")
    lpa.refresh_from_db()
    return lpa


@pytest.mark.parametrize(("cookie", "stored"), [("cy", "cy"), ("en", "en")])
def test_an_lpa_keeps_the_language_of_the_page_it_was_started_on(client, cookie, stored):
    user = UserFactory()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.post(reverse("lasting_power:lpa-new"), {"lpa_type": LpaType.HEALTH_WELFARE})
    assert response.status_code == 302
    assert Lpa.objects.get(user=user).language == stored


def test_the_lpa_pages_speak_welsh(client):
    lpa = _welsh_lpa(stop_before="repeat-application")
    client.force_login(lpa.user)
    page = _welsh(client).get(reverse("lasting_power:lpa-tasks", args=[lpa.pk]))
    html = page.content.decode()
    assert '<html lang="cy"' in html
    assert "Eiddo a materion ariannol" in html and "Yn ôl at eich LPA" in html
    assert "Property and financial affairs" not in html
    # An error in Welsh, and nothing typed is lost.
    sent = client.post(reverse("lasting_power:lpa-step", args=[lpa.pk, "repeat-application"]), {})
    assert "Dewiswch ‘Ie’ os yw hwn yn gais ailadroddus" in sent.content.decode()


def test_a_welsh_lpa_s_payment_confirmation_is_in_welsh(django_capture_on_commit_callbacks):
    lpa = _complete(_welsh_lpa(), django_capture_on_commit_callbacks)
    message = _message(lpa, "lasting_power.payment_cheque")
    assert message.language == "cy"
    assert message.personalisation["lpa_type"] == "Eiddo a materion ariannol"
    body = outbound_message_render(message=message).body
    assert "Rydych wedi dewis talu’r ffi" in body and "gyda siec" in body


def test_an_english_lpa_s_messages_stay_english(django_capture_on_commit_callbacks):
    lpa = _complete(lpa_answered(), django_capture_on_commit_callbacks)
    for template in ("lasting_power.payment_cheque", "lasting_power.completed"):
        message = _message(lpa, template)
        assert message.language == "en"
        assert message.personalisation["lpa_type"] == "Property and financial affairs"
    completed = _message(lpa, "lasting_power.completed")
    assert completed.personalisation["documents"].startswith("Download and print the LPA")


def test_a_correspondent_who_wants_welsh_gets_the_completed_message_in_welsh(
    django_capture_on_commit_callbacks,
):
    lpa = _complete(lpa_answered(), django_capture_on_commit_callbacks, correspondent_in_welsh=True)
    message = _message(lpa, "lasting_power.completed")
    assert message.language == "cy"
    assert message.personalisation["lpa_type"] == "Eiddo a materion ariannol"
    assert message.personalisation["documents"].startswith("Lawrlwythwch ac argraffwch")
    assert "i’w thalu â siec" in message.personalisation["fee"]
    assert "Mae’r atwrneiaeth arhosol ar gyfer" in outbound_message_render(message=message).body


def test_a_date_in_a_welsh_correspondent_s_letter_is_written_in_welsh(
    django_capture_on_commit_callbacks,
):
    import datetime as dt

    lpa = _complete(lpa_answered(), django_capture_on_commit_callbacks, correspondent_in_welsh=True)
    assert lpa_correspondent_send(
        lpa=lpa,
        template="lasting_power.received",
        personalisation={"received_on": dt.date(2026, 12, 5)},
    )
    message = _message(lpa, "lasting_power.received")
    assert message.language == "cy" and message.personalisation["received_on"] == "5 Rhagfyr 2026"


def test_the_printed_forms_are_in_the_lpa_s_language_whatever_the_page_s_language(
    django_capture_on_commit_callbacks,
):
    lpa = _complete(_welsh_lpa(), django_capture_on_commit_callbacks)
    with override("en"):
        made = documents_build(paperwork_for(lpa))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(made[0].content)).pages)
    assert "Eiddo a materion ariannol" in text
    assert "Property and financial affairs" not in text


def test_what_must_be_corrected_is_in_welsh_on_a_welsh_page_and_in_a_welsh_letter(
    client, django_capture_on_commit_callbacks
):
    from lasting_power import registration

    from .registration_factories import signatures_in_order

    user = UserFactory(email="rhys@example.com")
    lpa = _complete(
        lpa_answered(user), django_capture_on_commit_callbacks, correspondent_in_welsh=True
    )
    registration.lpa_receive(lpa=lpa, received_on=timezone.localdate())
    lpa.refresh_from_db()
    registration.lpa_check(
        lpa=lpa,
        signatures=signatures_in_order(lpa, attorney_first=True),
        other_problems=["Page 19 is missing"],
    )
    lpa.refresh_from_db()

    # The staff pages keep the English; the Welsh is kept beside it.
    assert "certificate provider must sign before the attorneys" in lpa.problems[0]
    assert "Llofnodi eto:" in lpa.problems_cy[0] and "Sign again" not in lpa.problems_cy[0]
    assert lpa.problems_cy[1] == "Page 19 is missing"  # the caseworker's own words
    letter = _message(lpa, "lasting_power.imperfect")
    assert letter.language == "cy" and "Llofnodi eto:" in letter.personalisation["problems"]

    client.force_login(user)
    welsh = _welsh(client).get(reverse("lasting_power:lpa-view", args=[lpa.pk])).content.decode()
    assert lpa.problems_cy[0] in welsh and lpa.problems[0] not in welsh
