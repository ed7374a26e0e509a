"""Every public form, sent generated bad input (hypothesis): long text, unicode, control
characters, HTML and script, SQL, impossible dates, strange amounts.

No response may be a server error; what was sent never comes back unescaped (on the
page, after a redirect, or on check your answers); an invalid form comes back with a
GOV.UK error summary, "Error: " in the title, and the other answers still filled in.

Forms are found, not listed: the forms on every discovered page that post back to it
(the layout's own forms, like the cookie banner, on the start page), each step of each
registered journey reached with its example answers, and each journey's "save and come
back later" form.
"""

import pytest
from django.urls import reverse

from tests.quality.a11y.conftest import URLCONF
from tests.quality.harness import (
    ClientDriver,
    JourneyWalker,
    journey_url,
    journeys_list,
    main_form,
    page_parse,
    page_paths,
)

from .fuzz import form_fuzz

pytestmark = pytest.mark.django_db

PAGES = page_paths(URLCONF)
JOURNEYS = {journey.key: journey for journey in journeys_list(URLCONF)}
SAVE = "save-and-come-back-later"
STEPS = [
    (key, step.slug) for key, journey in JOURNEYS.items() for _section, step in journey.all_steps()
] + [(key, SAVE) for key in JOURNEYS]


def _own_forms(parsed, path: str) -> list:
    forms = [f for f in parsed.forms if f.method == "post"]
    if path == reverse("core:start"):
        return forms  # the layout's forms (cookie banner...) are tried here, once
    return [f for f in forms if f.action in ("", path) or f.action.startswith(f"{path}?")]


@pytest.mark.parametrize("path", PAGES)
def test_public_form_survives_bad_input(path, client, citizen, fresh_limits):
    response = client.get(path)
    if response.status_code == 405:
        pytest.skip(f"{path} answers POST only: it is not a page")
    if response.status_code in (301, 302) and response["Location"].startswith(
        reverse("account_login")
    ):
        client.force_login(citizen)
        response = client.get(path)
    if response.status_code in (301, 302):
        pytest.skip(f"{path} redirects to {response['Location']}: its forms are tried there")
    assert response.status_code < 500
    if "text/html" not in response.get("Content-Type", ""):
        pytest.skip(f"{path} is not an HTML page")
    forms = _own_forms(page_parse(response.content.decode()), path)
    if not forms:
        pytest.skip(f"{path} has no form of its own")
    for form in forms:
        if [n for n in form.names() if n != "csrfmiddlewaretoken"]:
            form_fuzz(client, url=path, form=form, before=fresh_limits)


@pytest.mark.parametrize(("key", "slug"), STEPS)
def test_journey_step_survives_bad_input(key, slug, client, fresh_limits):
    journey = JOURNEYS[key]
    walker = JourneyWalker(
        journey, ClientDriver(client), URLCONF, stop_at=lambda visit: visit.kind == "check"
    )
    walker.walk()
    check_url = journey_url(journey, "check", URLCONF)
    assert walker.visits[-1].kind == "check"

    if slug == SAVE:
        url, baseline = journey_url(journey, "save", URLCONF), {"email": "person@example.com"}
    else:
        if slug not in walker.posted:
            pytest.skip(f"{slug} does not apply with the example answers")
        step = journey.step_get(slug)[1]
        if step.repeating:
            url = journey_url(journey, "item-change", URLCONF, step=slug, number=1)
        else:
            url = journey_url(journey, "step", URLCONF, step=slug)
        baseline = walker.posted[slug][0]
    page = client.get(url)
    assert page.status_code == 200, f"{url} answered {page.status_code}"
    form = main_form(page_parse(page.content.decode()))
    if form is None and slug == SAVE:
        pytest.skip(f"{url} asks nothing: a signed-in person's draft is simply saved")
    form_fuzz(
        client,
        url=url,
        form=form,
        baseline=baseline,
        before=fresh_limits,
        later=lambda: [check_url, url],
    )
