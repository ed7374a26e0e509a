"""A case page's tabular inlines written in Python are Django's, byte for byte (issue #13).

``templates/admin/change_form.html`` draws each inline with ``{% staff_inline %}``
(``core/admin_inlines.py``) where Django includes ``admin/edit_inline/tabular.html``. Every
registered admin with inlines is opened with rows in each inline and drawn both ways (with the
Python renderer told the template is not Django's, so that the tag includes it as Django
does); so is the prison page posted with mistakes in its inlines, and the prison page as that
prison's own staff see it.
"""

from __future__ import annotations

import html.parser
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from tests.conftest import sign_in
from tests.core.test_admin_render import _page, both_ways
from tests.quality.queries.seed import rows_seed

pytestmark = pytest.mark.django_db

WITH_INLINES = sorted(
    (model for model, model_admin in admin.site._registry.items() if model_admin.inlines),
    key=lambda m: m._meta.label,
)


def _prison_with_rows():
    from prison_visits.models import BlockedDate, DateSlot
    from tests.prison_visits.factories import PrisonFactory

    prison = PrisonFactory()
    soon = timezone.localdate() + timedelta(days=10)
    DateSlot.objects.create(
        prison=prison,
        date=soon,
        start_time=prison.weekly_slots.first().start_time,
        end_time=prison.weekly_slots.first().end_time,
        capacity=5,
    )
    BlockedDate.objects.create(
        prison=prison, date=soon + timedelta(days=1), reason="Staff <training>"
    )
    return prison


def _assisted_session_with_a_submission():
    from assisted_digital.constants import Channel, Route
    from assisted_digital.models import SubmissionRecord
    from tests.assisted_digital.factories import EndedSessionFactory

    session = EndedSessionFactory()
    SubmissionRecord.objects.create(
        service="prison_visits",
        journey="book",
        route=Route.ASSISTED,
        started_route=Route.ASSISTED,
        channel=Channel.PHONE,
        citizen=session.citizen,
        typed_by=session.agent,
        assisted_session=session,
    )
    return session


def _payment_with_a_refund():
    from digital_services.payments.models import Refund

    return rows_seed(Refund, 1)[0].payment


#: Case pages whose seeded rows have no rows in an inline: made here.
WITH_ROWS = {
    "payments.Payment": _payment_with_a_refund,
    "prison_visits.Prison": _prison_with_rows,
    "assisted_digital.AssistedSession": _assisted_session_with_a_submission,
}


def _case_url(model) -> str:
    maker = WITH_ROWS.get(model._meta.label)
    row = maker() if maker else (rows_seed(model, 1) or [None])[0]
    assert row is not None, f"no seeder for {model._meta.label}"
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[row.pk])


@pytest.mark.parametrize("model", WITH_INLINES, ids=[m._meta.label for m in WITH_INLINES])
def test_every_case_page_with_inlines_is_the_same_as_djangos(model, superuser_client):
    url = _case_url(model)
    ours, djangos = both_ways(superuser_client, url)

    assert b'data-inline-type="tabular"' in ours
    assert ours.count(b"has_original") >= len(admin.site._registry[model].inlines), (
        "every inline shows a row"
    )
    assert ours == djangos


class _Form(html.parser.HTMLParser):
    """The values a browser would send from a page's change form."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button"):
            if attrs.get("type") != "checkbox" or "checked" in attrs:
                self.data[name] = attrs.get("value") or (
                    "on" if attrs.get("type") == "checkbox" else ""
                )
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += (
                data.lstrip("\n") if not self.data[self._textarea] else data
            )


def test_a_prison_posted_with_mistakes_in_its_inlines_is_the_same_as_djangos(superuser_client):
    """The rows with their errors, the values typed kept, a form row's own error."""
    prison = _prison_with_rows()
    url = reverse("admin:prison_visits_prison_change", args=[prison.pk])
    form = _Form()
    form.feed(superuser_client.get(url).content.decode())
    data = form.data
    data.pop("csrfmiddlewaretoken", None)
    data["weekly_slots-0-start_time"] = "not a time"
    data["weekly_slots-1-end_time"] = data["weekly_slots-1-start_time"]  # ends as it starts
    data["blocked_dates-0-date"] = "31/02/2030"

    ours, djangos = both_ways(superuser_client, url, data)

    assert b"errorlist" in ours and b"not a time" in ours
    assert ours == djangos


def test_a_prisons_own_staff_see_the_same_page_as_djangos(client):
    from tests.prison_visits.conftest import caseworker_for

    prison = _prison_with_rows()
    sign_in(client, caseworker_for(prison), second_factor=True)
    url = reverse("admin:prison_visits_prison_change", args=[prison.pk])
    ours, djangos = both_ways(client, url)

    assert b'data-inline-type="tabular"' in ours
    assert ours == djangos


def test_an_inline_with_a_template_of_its_own_is_included(superuser_client):
    """An inline that is not Django's tabular template (a stacked inline, an override) is the
    inline's own template, included as Django does."""
    from prison_visits.admin.prisons import BlockedDateInline

    prison = _prison_with_rows()
    url = reverse("admin:prison_visits_prison_change", args=[prison.pk])
    with mock.patch.object(BlockedDateInline, "template", "admin/edit_inline/stacked.html"):
        page = _page(superuser_client, url)

    assert b'data-inline-type="stacked"' in page
    assert page.count(b'data-inline-type="tabular"') == 2


@pytest.mark.parametrize("model", WITH_INLINES, ids=[m._meta.label for m in WITH_INLINES])
def test_every_case_pages_media_is_djangos_from_one_form(model, superuser_client):
    """``admin_inlines.InlineMedia`` works an inline's media out from one form: the page's
    scripts and styles are those Django works out from every row and the empty form."""
    from django.contrib.admin import helpers

    from digital_services.core.admin_inlines import InlineMedia

    url = _case_url(model)
    ours = superuser_client.get(url)
    with mock.patch.object(InlineMedia, "media", helpers.InlineAdminFormSet.media):
        djangos = superuser_client.get(url)

    assert all(type(f) is InlineMedia for f in ours.context_data["inline_admin_formsets"])
    assert str(ours.context_data["media"]) == str(djangos.context_data["media"])
    assert "inlines.js" in str(ours.context_data["media"])


@pytest.mark.parametrize("model", WITH_INLINES, ids=[m._meta.label for m in WITH_INLINES])
def test_each_inlines_empty_form_is_made_once_a_page(model, superuser_client):
    """``admin_inlines.EmptyFormOnce``: Django's ``empty_form`` makes a new form at every
    read, and the admin read it five times an inline; the page makes one an inline."""
    from django.forms.formsets import BaseFormSet

    from digital_services.core.admin_inlines import EmptyFormOnce

    made = []
    djangos = BaseFormSet.empty_form.fget

    def counted(formset):
        made.append(formset.prefix)
        return djangos(formset)

    url = _case_url(model)
    with mock.patch.object(BaseFormSet, "empty_form", property(counted)):
        response = superuser_client.get(url)
    inlines = response.context_data["inline_admin_formsets"]

    assert all(isinstance(inline.formset, EmptyFormOnce) for inline in inlines)
    assert sorted(made) == sorted(inline.formset.prefix for inline in inlines)
