"""``{% prison_list_items %}`` writes the lines of the prison question's list the template wrote,
and the page reads only the columns the list shows."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from prison_visits.constants import PrisonAvailability
from prison_visits.forms.booking import PrisonChoiceForm
from prison_visits.models import Prison
from prison_visits.templatetags.prison_lists import prison_list_items

from .factories import PrisonFactory

pytestmark = pytest.mark.django_db

# templates/prison_visits/journey/prison.html's loop before the tag.
LOOP = Template(
    '{% load i18n %}{% for prison in prisons %}<li>{{ prison.name_here }}{% if not prison.is_bookable %} <span class="govuk-hint govuk-!-display-inline">{% translate "(visits cannot be booked online)" %}</span>{% endif %}</li>{% endfor %}'
)


@pytest.fixture
def prisons():
    PrisonFactory(name="HMP Cardiff", name_cy="CEM Caerdydd", slots=[])
    PrisonFactory(name='HMP <Odd> & "Quoted"', slots=[])
    PrisonFactory(name="HMP Closed", availability=PrisonAvailability.CLOSED, slots=[])
    PrisonFactory(name="HMP Private", enabled=False, slots=[])
    PrisonFactory(
        name="HMP Not Yet",
        name_cy="CEM Ddim Eto",
        availability=PrisonAvailability.NOT_ON_SERVICE,
        slots=[],
    )
    return list(Prison.objects.order_by("name"))


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_lines_are_the_templates(prisons, language):
    with translation.override(language):
        expected = LOOP.render(Context({"prisons": prisons}))
        ours = prison_list_items(prisons)

    assert ours == expected
    assert ours.count("<li>") == len(prisons) == 5
    assert ours.count("govuk-hint") == 3
    assert ("CEM Caerdydd" in ours) == (language == "cy")


def test_the_page_lists_every_prison_from_the_columns_it_shows(client, prisons):
    """The question's list reads names and booking states only, in one query; the answer is
    still checked against whole prisons."""
    form = PrisonChoiceForm()
    with CaptureQueriesContext(connection) as queries:
        listed = form.prisons_listed
    assert [p.name for p in listed] == [p.name for p in prisons]
    assert len(queries.captured_queries) == 1
    sql = queries.captured_queries[0]["sql"]
    assert '"name_cy"' in sql and '"availability"' in sql and '"address"' not in sql
    with CaptureQueriesContext(connection) as queries:
        assert [p.is_bookable for p in listed] == [p.is_bookable for p in prisons]
    assert queries.captured_queries == []

    bound = PrisonChoiceForm(data={"prison": "Cardiff"})
    assert bound.is_valid()
    chosen = bound.cleaned_data["prison"]
    assert chosen.address  # a whole prison, as the database has it, and saved already
    stored = Prison.objects.get(pk=chosen.pk)
    assert {f.attname: getattr(chosen, f.attname) for f in Prison._meta.concrete_fields} == {
        f.attname: getattr(stored, f.attname) for f in Prison._meta.concrete_fields
    }
    assert not chosen._state.adding and chosen._state.db == stored._state.db
    assert bound.prisons_listed is bound.prisons  # one query for both

    page = client.get("/prison-visits/book/prison/", follow=True)
    text = page.content.decode()
    assert "See the list of prisons" in text
    assert all(f"<li>{escape(prison.name)}" in text for prison in prisons)
