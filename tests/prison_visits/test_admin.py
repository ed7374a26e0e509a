"""The staff side: pages render, every page is narrowed to the caseworker's prisons, and
decisions go through the services (with a preview of the email first)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from prison_visits.constants import VisitStatus
from prison_visits.models import Visit
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories import (
    BookedVisitFactory,
    CancelledVisitFactory,
    RequestedVisitFactory,
    slot_on,
)

pytestmark = pytest.mark.django_db

TUE_1_DEC = date(2026, 12, 1)


@pytest.fixture
def mine(prison, frozen):
    return RequestedVisitFactory(prison=prison, prisoner_number="A1111AA", slot=slot_on(TUE_1_DEC))


@pytest.fixture
def theirs(other_prison, frozen):
    return RequestedVisitFactory(
        prison=other_prison, prisoner_number="B2222BB", slot=slot_on(TUE_1_DEC)
    )


def url(name, *args):
    return reverse(f"admin:prison_visits_{name}", args=args)


def test_the_inbox_lists_only_the_caseworkers_prison_oldest_first(
    client, caseworker, mine, theirs, prison
):
    older = RequestedVisitFactory(prison=prison, requested_at=mine.requested_at.replace(year=2025))
    sign_in(client, caseworker, second_factor=True)

    response = client.get(url("visit_changelist"))

    assert response.status_code == 200
    page = response.content.decode()
    assert mine.reference_display in page and older.reference_display in page
    assert theirs.reference_display not in page
    assert page.index(older.reference_display) < page.index(mine.reference_display)
    assert "HMP Beta" not in page  # not even in the prison filter


def test_the_inbox_marks_overdue_requests_and_visitor_cancellations(
    client, caseworker, prison, frozen
):
    overdue = RequestedVisitFactory(prison=prison, respond_by=date(2026, 11, 20))
    CancelledVisitFactory(prison=prison, cancelled_by_visitor=True)
    sign_in(client, caseworker, second_factor=True)

    page = client.get(url("visit_changelist")).content.decode()
    assert "Overdue (reply by 20 November 2026)" in page
    assert "Visitor cancelled: to action" in page
    assert "1 visitor cancellation to action" in page
    filtered = client.get(url("visit_changelist") + "?inbox=overdue").content.decode()
    assert overdue.reference_display in filtered


def test_a_long_inbox_is_counted_up_to_a_limit_and_says_more_than(
    client, caseworker, prison, frozen, monkeypatch
):
    """The inbox and its pages count at most COUNT_AT_MOST rows (issue #13): exact below it,
    "More than" above it, in the banner, the page count and the search's result count."""
    from digital_services.core import admin_lists

    monkeypatch.setattr(admin_lists, "COUNT_AT_MOST", 3)
    for _ in range(3):
        RequestedVisitFactory(prison=prison)
    sign_in(client, caseworker, second_factor=True)

    page = client.get(url("visit_changelist") + "?inbox=requests").content.decode()
    assert "3 requests waiting for a decision" in page
    assert "3 visits" in page and "More than" not in page

    RequestedVisitFactory(prison=prison)
    page = client.get(url("visit_changelist") + "?inbox=requests").content.decode()
    assert "More than 3 requests waiting for a decision" in page
    assert "More than 3 visits" in page
    assert "More than 3 results" in page


def test_the_inbox_searches_by_reference_prison_number_and_visitor_name(
    client, caseworker, mine, prison
):
    other = RequestedVisitFactory(
        prison=prison, prisoner_number="C3333CC", visitors=[("Zed", "Zebra", date(1980, 1, 1))]
    )
    sign_in(client, caseworker, second_factor=True)

    for term in ("A1111AA", mine.reference):
        page = client.get(url("visit_changelist"), {"q": term}).content.decode()
        assert mine.reference_display in page and other.reference_display not in page
    page = client.get(url("visit_changelist"), {"q": "Zebra"}).content.decode()
    assert other.reference_display in page and mine.reference_display not in page


def test_a_caseworker_cannot_open_or_act_on_another_prisons_visit(client, caseworker, theirs):
    sign_in(client, caseworker, second_factor=True)

    assert client.get(url("visit_change", theirs.pk)).status_code == 302  # "does not exist"
    for name in ("visit_process", "visit_cancel", "visit_message"):
        assert client.get(url(name, theirs.pk)).status_code == 404
    response = client.post(
        url("visit_process", theirs.pk),
        {"outcome": "reject", "reasons": ["slot_unavailable"], "action": "confirm"},
    )
    assert response.status_code == 404
    assert client.post(url("visit_cancellation_actioned", theirs.pk)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == VisitStatus.REQUESTED


def test_a_caseworker_reads_the_history_of_their_prisons_visits_only(
    client, caseworker, mine, theirs
):
    sign_in(client, caseworker, second_factor=True)
    own_version = Visit.history.filter(id=mine.pk).first()
    their_version = Visit.history.filter(id=theirs.pk).first()

    assert client.get(url("visit_history", mine.pk)).status_code == 200
    assert (
        client.get(url("visit_simple_history", mine.pk, own_version.history_id)).status_code == 200
    )
    response = client.get(url("visit_simple_history", theirs.pk, their_version.history_id))
    assert response.status_code == 404
    assert client.get(url("visit_history", theirs.pk)).status_code == 404


def test_processing_shows_the_check_the_slots_and_the_visitors_ages(client, caseworker, mine):
    sign_in(client, caseworker, second_factor=True)

    response = client.get(url("visit_process", mine.pk))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Not verified: the prison has no prisoner register loaded" in page
    assert "Available: 2 of 2 tables left" in page
    assert "Lee Visitor" in page and "41" in page  # Lee's age on 1 December 2026


def test_processing_previews_the_email_then_books(
    client, caseworker, mine, django_capture_on_commit_callbacks
):
    sign_in(client, caseworker, second_factor=True)
    data = {
        "outcome": slot_on(TUE_1_DEC).key,
        "booking_reference": "BK42",
        "message": "See you soon",
    }

    preview = client.post(url("visit_process", mine.pk), {**data, "action": "preview"})
    assert "Check the message before you send it" in preview.content.decode()
    assert "BK42" in preview.content.decode()
    mine.refresh_from_db()
    assert mine.status == VisitStatus.REQUESTED  # nothing saved by the preview

    response = client.post(url("visit_process", mine.pk), {**data, "action": "confirm"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == VisitStatus.BOOKED and mine.booked_by == caseworker

    change = client.get(url("visit_change", mine.pk)).content.decode()
    assert "Booked</strong> by Pat Prisons" in change
    assert "See you soon" in change  # on the timeline


def test_processing_keeps_the_answers_and_explains_when_the_visit_must_be_rejected(
    client, caseworker, mine
):
    lead = mine.visitors.get(position=0)
    sign_in(client, caseworker, second_factor=True)

    response = client.post(
        url("visit_process", mine.pk),
        {
            "outcome": slot_on(TUE_1_DEC).key,
            "booking_reference": "BK42",
            f"visitor_{lead.pk}_exclusion": "not_on_list",
            "action": "preview",
        },
    )

    page = response.content.decode()
    assert "must be rejected" in page
    assert "A visitor is not on the contact list" in page
    assert 'value="BK42"' in page
    mine.refresh_from_db()
    assert mine.status == VisitStatus.REQUESTED


def test_processing_a_rejection_needs_a_reason(client, caseworker, mine):
    sign_in(client, caseworker, second_factor=True)

    response = client.post(
        url("visit_process", mine.pk), {"outcome": "reject", "action": "preview"}
    )

    assert "Choose at least one reason for rejecting the request" in response.content.decode()


def test_a_processed_request_cannot_be_processed_again(client, caseworker, prison, frozen):
    visit = BookedVisitFactory(prison=prison)
    sign_in(client, caseworker, second_factor=True)

    response = client.post(
        url("visit_process", visit.pk),
        {"outcome": "reject", "reasons": ["other"], "rejection_detail": "x", "action": "confirm"},
        follow=True,
    )

    assert "already been processed" in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == VisitStatus.BOOKED


def test_staff_cancel_a_booked_visit_and_send_messages(client, caseworker, prison, frozen):
    visit = BookedVisitFactory(prison=prison)
    sign_in(client, caseworker, second_factor=True)

    assert client.get(url("visit_message", visit.pk)).status_code == 200
    client.post(url("visit_message", visit.pk), {"message": "Parking is closed"})
    assert client.get(url("visit_cancel", visit.pk)).status_code == 200
    empty = client.post(url("visit_cancel", visit.pk), {})
    assert "Choose at least one reason for cancelling the visit" in empty.content.decode()
    client.post(url("visit_cancel", visit.pk), {"reasons": ["capacity_issues"]})

    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED
    assert list(visit.events.values_list("kind", flat=True)) == ["message", "cancelled"]


def test_staff_mark_a_visitor_cancellation_as_actioned(client, caseworker, prison, frozen):
    visit = CancelledVisitFactory(prison=prison, cancelled_by_visitor=True)
    sign_in(client, caseworker, second_factor=True)
    assert (
        "Cancelled in the prison’s system"
        in client.get(url("visit_change", visit.pk)).content.decode()
    )

    client.post(url("visit_cancellation_actioned", visit.pk))

    visit.refresh_from_db()
    assert visit.cancellation_actioned_by == caseworker


def test_the_visit_status_cannot_be_changed_through_the_admin_form(client, caseworker, mine):
    sign_in(client, caseworker, second_factor=True)

    client.post(url("visit_change", mine.pk), {"status": "booked"})

    assert Visit.objects.get(pk=mine.pk).status == VisitStatus.REQUESTED


def test_prison_settings_are_editable_by_that_prisons_staff_only(
    client, caseworker, prison, other_prison
):
    sign_in(client, caseworker, second_factor=True)

    page = client.get(url("prison_changelist")).content.decode()
    assert "HMP Alpha" in page and "HMP Beta" not in page
    assert client.get(url("prison_change", other_prison.pk)).status_code == 302
    response = client.get(url("prison_change", prison.pk))
    assert response.status_code == 200
    assert 'name="lead_days"' in response.content.decode()
    assert 'name="name"' not in response.content.decode()  # only administrators rename


def test_an_administrator_sees_every_prison(client, administrator, mine, theirs):
    sign_in(client, administrator, second_factor=True)

    page = client.get(url("visit_changelist")).content.decode()

    assert mine.reference_display in page and theirs.reference_display in page


@pytest.mark.parametrize(
    "name",
    [
        "prisonerregisterentry_changelist",
        "prisonerregisterentry_add",
        "prison_changelist",
        "visit_day_sheet",
    ],
)
def test_staff_pages_render(client, caseworker, mine, name):
    sign_in(client, caseworker, second_factor=True)

    assert client.get(url(name)).status_code == 200


def test_caseworkers_cannot_manage_staff_assignments(client, caseworker):
    sign_in(client, caseworker, second_factor=True)

    assert client.get(url("prisonstaffassignment_changelist")).status_code == 403


def test_a_citizen_cannot_open_the_staff_pages(client, mine):
    citizen = UserFactory()
    sign_in(client, citizen)

    response = client.get(url("visit_process", mine.pk))

    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "login" in response["Location"]


@pytest.mark.parametrize("typed", ["{display}", "{lower}", "{hyphens}", "{look_alikes}"])
def test_the_admin_search_finds_a_visit_by_its_reference_as_shown(
    client, caseworker, prison, frozen, typed
):
    """Issue #12 point 7: "G0QY EQP3", as the pages and emails show it, must find the visit."""
    from digital_services.core.references import reference_for_number

    legacy = RequestedVisitFactory(prison=prison, reference="G0QYEQP3")
    new = RequestedVisitFactory(prison=prison, reference=reference_for_number(123456789))
    other = RequestedVisitFactory(prison=prison)
    sign_in(client, caseworker, second_factor=True)

    for visit in (legacy, new):
        shown = visit.reference_display
        term = typed.format(
            display=shown,
            lower=shown.lower(),
            hyphens=shown.replace(" ", "-"),
            look_alikes=shown.replace("0", "O").replace("1", "I"),
        )
        page = client.get(url("visit_changelist"), {"q": term, "o": ""}).content.decode()
        assert visit.reference_display in page, term
        assert other.reference_display not in page, term


def test_the_admin_search_by_reference_keeps_to_the_caseworkers_prisons(client, caseworker, theirs):
    sign_in(client, caseworker, second_factor=True)
    page = client.get(url("visit_changelist"), {"q": theirs.reference_display}).content.decode()
    assert url("visit_change", theirs.pk) not in page
    assert "0 visits" in page or "0 results" in page


def _form_action_of_button(page: str, label: str, page_url: str) -> str:
    """Where a browser sends the form holding the submit button ``label``.

    As browsers parse HTML, a ``<form>`` opened inside another form is dropped, so a
    button there submits the outer form.
    """
    from html.parser import HTMLParser

    class Forms(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open: list[str] = []
            self.found: str | None = None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "form":
                self.open.append(attrs.get("action") or page_url)
            elif tag in ("input", "button") and attrs.get("value") == label and self.open:
                self.found = self.open[0]

        def handle_endtag(self, tag):
            if tag == "form" and self.open:
                self.open.pop()

    parser = Forms()
    parser.feed(page)
    assert parser.found, f"no form holds the button {label!r}"
    return parser.found


def test_the_visitor_cancellation_button_marks_it_done_and_clears_the_inbox(
    client, caseworker, prison, frozen
):
    """Issue #12 point 6: the button sat in a form nested inside the admin's change form,
    so the browser posted the (read-only) change form and got a 403."""
    visit = CancelledVisitFactory(prison=prison, cancelled_by_visitor=True)
    sign_in(client, caseworker, second_factor=True)
    inbox = url("visit_changelist") + "?inbox=cancellations"
    page_url = url("visit_change", visit.pk)
    assert page_url in client.get(inbox).content.decode()
    page = client.get(page_url).content.decode()

    action = _form_action_of_button(page, "Cancelled in the prison’s system", page_url)
    response = client.post(action)

    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.cancellation_actioned_by == caseworker
    assert page_url not in client.get(inbox).content.decode()


def test_the_visit_page_reads_the_visit_once_and_shows_its_timeline_oldest_first(
    client, caseworker, mine
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from prison_visits.models import VisitEvent

    VisitEvent.objects.filter(visit=mine).delete()
    for hours, message in ((2, "Second thing that happened"), (1, "First thing that happened")):
        VisitEvent.objects.create(
            visit=mine,
            kind=VisitEvent.Kind.MESSAGE,
            message=message,
            actor=caseworker,
            occurred_at=mine.requested_at + timedelta(hours=hours),
        )
    sign_in(client, caseworker, second_factor=True)

    with CaptureQueriesContext(connection) as ran:
        page = client.get(url("visit_change", mine.pk)).content.decode()

    visit_reads = [
        q["sql"] for q in ran.captured_queries if 'FROM "prison_visits_visit"' in q["sql"]
    ]
    assert len(visit_reads) == 1, "\n\n".join(q[-300:] for q in visit_reads)
    assert page.index("First thing that happened") < page.index("Second thing that happened")


def test_the_visit_page_lists_every_visitor_and_who_was_excluded_and_why(
    client, caseworker, prison, frozen
):
    """Issue #12 point 8: the caseworker sees the visitors and each one's decision."""
    from prison_visits.constants import VisitorExclusion

    visit = RequestedVisitFactory(
        prison=prison,
        visitors=[
            ("Leonie", "Hartwell", date(1985, 3, 2)),
            ("Marcus", "Oyelaran", date(1990, 1, 1)),
        ],
    )
    excluded = visit.visitors.get(position=1)
    excluded.allowed = False
    excluded.exclusion = VisitorExclusion.BANNED
    excluded.banned_until = date(2027, 6, 30)
    excluded.exclusion_detail = "Banned after an incident in the visits hall"
    excluded.save()
    sign_in(client, caseworker, second_factor=True)

    page = client.get(url("visit_change", visit.pk)).content.decode()

    for visitor in visit.visitors.all():
        assert visitor.first_name in page and visitor.last_name in page
    assert VisitorExclusion.BANNED.label in page
    assert "Banned after an incident in the visits hall" in page
    assert "30 June 2027" in page or "June 30, 2027" in page or "2027-06-30" in page


def test_the_preview_says_what_goes_where_and_never_texts_a_landline(
    client, caseworker, prison, frozen
):
    """Issue #12: a visitor who chose post, with a landline, gets a letter and no text."""
    visit = RequestedVisitFactory(
        prison=prison,
        prisoner_number="A1111AA",
        slot=slot_on(TUE_1_DEC),
        contact_email="",
        contact_phone="01134960000",
        postal_address="12 Station Road\nSwansea\nSA1 1AA",
    )
    sign_in(client, caseworker, second_factor=True)

    preview = client.post(
        url("visit_process", visit.pk),
        {"outcome": "reject", "reasons": ["slot_unavailable"], "action": "preview"},
    ).content.decode()

    assert "This goes to the visitor as a letter to 12 Station Road, Swansea, SA1 1AA." in preview
    assert "text message" not in preview
    assert "01134960000" not in preview


def test_the_preview_names_the_email_and_the_text_to_a_mobile(client, caseworker, mine):
    sign_in(client, caseworker, second_factor=True)
    preview = client.post(
        url("visit_process", mine.pk),
        {"outcome": "reject", "reasons": ["slot_unavailable"], "action": "preview"},
    ).content.decode()
    assert (
        "This goes to the visitor as an email to lead@example.com and a text message to "
        "07700 900 123."
    ) in preview


def _as_django_draws_them():
    """``{% widget_render %}``, ``{% label_render %}`` and ``{% errors_render %}`` handed back
    to Django's ``{{ field }}``, ``{{ field.label_tag }}`` and ``{{ field.errors }}``."""
    from contextlib import ExitStack
    from unittest import mock

    from digital_services.core.templatetags import form_render

    stack = ExitStack()
    stack.enter_context(mock.patch.object(form_render, "widget_html", str))
    stack.enter_context(mock.patch.object(form_render, "label_tag_html", lambda f: f.label_tag()))
    stack.enter_context(mock.patch.object(form_render, "errors_ul", str))
    return stack


@pytest.mark.parametrize(
    "page, data",
    [
        ("visit_process", None),
        ("visit_process", {"outcome": "reject", "action": "preview"}),
        ("visit_process", {"outcome": "", "banned_until": "31 February", "action": "preview"}),
        ("visit_cancel", None),
        ("visit_cancel", {"reason": ""}),
        ("visit_message", None),
        ("visit_message", {"message": ""}),
    ],
    ids=[
        "process",
        "process-reject",
        "process-errors",
        "cancel",
        "cancel-errors",
        "message",
        "message-errors",
    ],
)
def test_the_staff_visit_forms_are_drawn_as_django_draws_them(
    client, caseworker, mine, prison, page, data
):
    """The process, cancel and message pages draw their fields with the lighter tags: the
    same bytes as Django's own, empty, with the caseworker's answers and with mistakes."""
    import re

    visit = mine if page == "visit_process" else BookedVisitFactory(prison=prison)
    lead = mine.visitors.get(position=0)
    if data and page == "visit_process":
        data = {**data, f"visitor_{lead.pk}_banned_until": data.pop("banned_until", "")}
    sign_in(client, caseworker, second_factor=True)
    volatile = re.compile(rb'(name="csrfmiddlewaretoken" value="|nonce=")[^"]+"')

    def draw():
        address = url(page, visit.pk)
        response = client.get(address) if data is None else client.post(address, data)
        assert response.status_code == 200
        return volatile.sub(b"", response.content)

    ours = draw()
    with _as_django_draws_them():
        djangos = draw()

    assert ours == djangos
    assert b"<select" in ours or b"<textarea" in ours
    if data:
        assert b"errorlist" in ours
