"""The applicant's pages through the test client: the happy path of each page, errors that
keep what was typed, the one next-step rule on every URL, warnings, reuse and delete,
and refusals (another account's LPA is a 404)."""

import re

import pytest
from django.urls import reverse

from lasting_power import services
from lasting_power.constants import LpaStatus, LpaType
from lasting_power.models import Lpa
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories import add, donor_data, lpa_answered, lpa_completed, person_data

pytestmark = pytest.mark.django_db


def _url(name, *args):
    return reverse(f"lasting_power:{name}", args=args)


@pytest.fixture
def applicant(client):
    user = UserFactory(full_name="Alex Applicant")
    sign_in(client, user)
    return user


def test_the_dashboard_needs_signing_in(client):
    response = client.get(_url("dashboard"))
    assert response.status_code == 302 and "login" in response.url


def test_someone_with_no_lpas_goes_straight_to_making_one(client, applicant):
    assert client.get(_url("dashboard")).url == _url("lpa-new")


def test_choosing_a_type_makes_the_lpa_and_asks_about_the_donor(client, applicant):
    response = client.post(_url("lpa-new"), {"lpa_type": LpaType.HEALTH_WELFARE})
    lpa = Lpa.objects.get(user=applicant)
    assert response.url == _url("lpa-step", lpa.pk, "donor")
    assert lpa.lpa_type == LpaType.HEALTH_WELFARE


def test_a_get_of_the_new_page_makes_nothing(client, applicant):
    assert client.get(_url("lpa-new")).status_code == 200
    assert not Lpa.objects.exists()


def test_a_bad_answer_shows_errors_and_keeps_what_was_typed(client, applicant):
    lpa = services.lpa_start(user=applicant, lpa_type=LpaType.PROPERTY_FINANCE)
    data = donor_data(first_name="Dorothy-Typed", last_name="")
    response = client.post(_url("lpa-step", lpa.pk, "donor"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in page and "Enter the donor&#x27;s last name" in page
    assert 'value="Dorothy-Typed"' in page
    lpa.refresh_from_db()
    assert lpa.answers == {}


def test_a_good_answer_is_saved_and_goes_to_the_next_question(client, applicant):
    lpa = services.lpa_start(user=applicant, lpa_type=LpaType.PROPERTY_FINANCE)
    response = client.post(_url("lpa-step", lpa.pk, "donor"), donor_data())
    assert response.url == _url("lpa-step", lpa.pk, "when")
    lpa.refresh_from_db()
    assert lpa.answers["donor"]["first_name"] == "Dorothy"


@pytest.mark.parametrize(
    "path",
    [
        ("lpa-step", "certificate-provider"),
        ("lpa-step", "attorneys-decide"),
        ("lpa-item-add", "replacements"),
        ("lpa-check",),
        ("lpa-fee",),
        ("lpa-pay",),
    ],
)
def test_any_url_not_open_yet_goes_to_the_nearest_open_step(client, applicant, path):
    lpa = lpa_answered(applicant, stop_before="attorneys")
    name, *rest = path
    response = client.get(_url(name, lpa.pk, *rest))
    assert response.status_code == 302
    assert response.url == _url("lpa-step", lpa.pk, "attorneys")


def test_continue_goes_where_the_applicant_left_off(client, applicant):
    lpa = lpa_answered(applicant, stop_before="instructions")
    assert client.get(_url("lpa-continue", lpa.pk)).url == _url("lpa-step", lpa.pk, "instructions")


def test_the_task_list_shows_sections_that_cannot_start_yet(client, applicant):
    lpa = lpa_answered(applicant, stop_before="attorneys")
    page = client.get(_url("lpa-tasks", lpa.pk)).content.decode()
    assert "Cannot start yet" in page and "Completed" in page
    assert _url("lpa-step", lpa.pk, "certificate-provider") not in page


def test_the_attorney_list_needs_at_least_one_attorney(client, applicant):
    lpa = lpa_answered(applicant, stop_before="attorneys")
    response = client.post(_url("lpa-step", lpa.pk, "attorneys"), {"add": "no"})
    page = response.content.decode()
    assert "Add at least one attorney" in page
    # In the error summary, linking to the question's radios, and on the question itself.
    assert '<a href="#id_add_1">Add at least one attorney</a>' in page
    assert 'id="id_add_1"' in page and "govuk-error-message" in page
    assert "<title>Error: The attorneys" in page


def test_an_incomplete_person_on_a_list_is_named_in_the_error_summary(client, applicant):
    lpa = lpa_answered(applicant, stop_before="attorneys")
    add(lpa, "attorneys", person_data("Ann", "Attorney"))
    lpa.refresh_from_db()
    lpa.answers["attorneys"]["items"][0]["first_name"] = ""  # stored before a rule changed
    lpa.save(update_fields=["answers"])
    page = client.post(_url("lpa-step", lpa.pk, "attorneys"), {"add": "no"}).content.decode()
    assert '<a href="#people-list">Change or remove the attorneys marked incomplete</a>' in page
    assert 'id="people-list"' in page and "<title>Error: The attorneys" in page


def test_replacements_none_must_be_confirmed(client, applicant):
    lpa = lpa_answered(applicant, stop_before="replacements")
    response = client.post(_url("lpa-step", lpa.pk, "replacements"), {})
    assert "Select yes if you want to add a replacement attorney" in response.content.decode()
    response = client.post(_url("lpa-step", lpa.pk, "replacements"), {"add": "no"})
    assert response.url == _url("lpa-step", lpa.pk, "certificate-provider")


def test_adding_a_person_who_is_also_the_donor_warns_and_continue_anyway_goes_on(client, applicant):
    lpa = lpa_answered(applicant, stop_before="attorneys")
    client.post(_url("lpa-item-add", lpa.pk, "attorneys"), person_data("Dorothy", "Donor"))
    response = client.post(_url("lpa-step", lpa.pk, "attorneys"), {"add": "no"})
    assert response.url == _url("lpa-warning", lpa.pk, "attorneys")
    page = client.get(response.url).content.decode()
    assert "Continue anyway" in page and "cannot be both the donor and an attorney" in page
    # Not read yet: later steps send the applicant back to the warning.
    assert client.get(_url("lpa-step", lpa.pk, "replacements")).url == response.url
    after = client.post(response.url)
    assert after.url == _url("lpa-step", lpa.pk, "replacements")


def test_use_the_details_of_someone_on_an_earlier_lpa(client, applicant):
    old = lpa_answered(applicant, attorneys=2)
    new = services.lpa_reuse(lpa=old, lpa_type=LpaType.HEALTH_WELFARE)
    page = client.get(_url("lpa-step", new.pk, "donor")).content.decode()
    assert 'value="Dorothy"' in page  # reuse filled the donor in
    lpa = services.lpa_start(user=applicant, lpa_type=LpaType.PROPERTY_FINANCE)
    page = client.get(_url("lpa-step", lpa.pk, "donor")).content.decode()
    assert "Myself, Alex Applicant" in page and f"on LPA {old.reference_display}" in page
    key = f"{old.pk}.attorneys.2"
    page = client.get(_url("lpa-step", lpa.pk, "donor") + f"?use={key}").content.decode()
    assert 'value="Attyb"' in page
    page = client.get(_url("lpa-step", lpa.pk, "donor") + "?use=me").content.decode()
    assert 'value="Alex"' in page and 'value="Applicant"' in page


def test_use_the_details_of_never_reads_another_accounts_lpa(client, applicant):
    stranger = lpa_answered(UserFactory())
    lpa = services.lpa_start(user=applicant, lpa_type=LpaType.PROPERTY_FINANCE)
    page = client.get(_url("lpa-step", lpa.pk, "donor") + f"?use={stranger.pk}.donor.0").content
    assert b'value="Dorothy"' not in page


def test_check_fee_and_cheque_complete_the_lpa(client, applicant):
    lpa = lpa_answered(applicant, attorneys=2)
    page = client.get(_url("lpa-check", lpa.pk)).content.decode()
    assert "Dorothy" in page and _url("lpa-step", lpa.pk, "attorneys-decide") in page
    assert client.post(_url("lpa-fee", lpa.pk), {"wanted": "yes"}).status_code == 200
    response = client.post(
        _url("lpa-fee", lpa.pk),
        {
            "wanted": "yes",
            "benefits": ["none"],
            "damages_over_limit": "no",
            "income_under_limit": "yes",
        },
    )
    assert response.url == _url("lpa-pay", lpa.pk)
    page = client.get(_url("lpa-pay", lpa.pk)).content.decode()
    assert "£46" in page
    response = client.post(_url("lpa-pay", lpa.pk), {"method": "cheque"})
    assert response.url == _url("lpa-done", lpa.pk)
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.COMPLETED
    page = client.get(response.url).content.decode()
    assert "LPA completed" in page and "cheque" in page


def test_a_completed_lpa_sends_every_question_to_its_read_only_page(client, applicant):
    lpa = lpa_completed(applicant)
    for name, args in (("lpa-step", ("donor",)), ("lpa-check", ()), ("lpa-tasks", ())):
        assert client.get(_url(name, lpa.pk, *args)).url == _url("lpa-view", lpa.pk)
    page = client.get(_url("lpa-view", lpa.pk)).content.decode()
    assert "Change" not in page and "Dorothy" in page


def test_the_dashboard_lists_searches_and_offers_the_actions(client, applicant):
    done = lpa_completed(applicant)
    open_lpa = lpa_answered(applicant, stop_before="attorneys")
    page = client.get(_url("dashboard")).content.decode()
    assert done.reference_display in page and open_lpa.reference_display in page
    assert "Completed" in page and "Started" in page
    assert _url("lpa-continue", open_lpa.pk) in page and _url("lpa-reuse", done.pk) in page
    found = client.get(
        _url("dashboard"), {"search": done.reference_display.lower()}
    ).content.decode()
    assert "1 LPA found" in found
    by_name = client.get(_url("dashboard"), {"search": "orot"}).content.decode()
    assert "2 LPAs found" in by_name
    short = client.get(_url("dashboard"), {"search": "Do"}).content.decode()
    assert "0 LPAs found" in short


def test_delete_asks_first_then_deletes(client, applicant):
    lpa = lpa_answered(applicant, stop_before="attorneys")
    assert client.get(_url("lpa-delete", lpa.pk)).status_code == 200
    assert Lpa.objects.filter(pk=lpa.pk).exists()
    client.post(_url("lpa-delete", lpa.pk))
    assert not Lpa.objects.filter(pk=lpa.pk).exists()


def test_reuse_page_offers_the_other_type(client, applicant):
    lpa = lpa_completed(applicant)
    page = client.get(_url("lpa-reuse", lpa.pk)).content.decode()
    assert re.search(r'value="health-and-welfare"[^>]*checked', page)
    response = client.post(_url("lpa-reuse", lpa.pk), {"lpa_type": "health-and-welfare"})
    new = Lpa.objects.get(seed=lpa)
    assert response.url == _url("lpa-step", new.pk, "donor")


@pytest.mark.parametrize(
    ("name", "args"),
    [("lpa-tasks", ()), ("lpa-step", ("donor",)), ("lpa-delete", ()), ("lpa-view", ())],
)
def test_another_accounts_lpa_is_not_found(client, applicant, name, args):
    lpa = lpa_answered(UserFactory(), stop_before="attorneys")
    assert client.get(_url(name, lpa.pk, *args)).status_code == 404
    assert client.post(_url("lpa-delete", lpa.pk)).status_code == 404
    assert Lpa.objects.filter(pk=lpa.pk).exists()


def test_your_applications_lists_each_lpa_with_its_status_in_words(applicant):
    from lasting_power.service import SERVICE

    done = lpa_completed(applicant)
    open_lpa = lpa_answered(applicant, stop_before="attorneys")
    rows = {row.reference: row for row in SERVICE.list_cases(applicant)}
    # Completed and sent: the first stage at OPG, waiting for them to receive it (#18).
    assert rows[done.reference_display].status == "Waiting"
    assert rows[done.reference_display].url == _url("lpa-view", done.pk)
    assert rows[open_lpa.reference_display].status == "Started"
    assert rows[open_lpa.reference_display].url == _url("lpa-continue", open_lpa.pk)
    assert "for Dorothy Donor" in rows[open_lpa.reference_display].title


def test_reuse_is_offered_only_once_the_people_to_notify_are_confirmed(client, applicant):
    early = lpa_answered(applicant, stop_before="people-to-notify")
    later = lpa_answered(applicant, stop_before="instructions")
    page = client.get(_url("dashboard")).content.decode()
    assert _url("lpa-reuse", early.pk) not in page
    assert _url("lpa-reuse", later.pk) in page
    assert client.get(_url("lpa-reuse", early.pk)).url == _url("lpa-continue", early.pk)
    assert client.get(_url("lpa-reuse", later.pk)).status_code == 200


def test_myself_is_not_offered_once_i_am_on_the_lpa(client, applicant):
    from .factories import answer, donor_data

    lpa = services.lpa_start(user=applicant, lpa_type=LpaType.PROPERTY_FINANCE)
    assert (
        "Myself, Alex Applicant" in client.get(_url("lpa-step", lpa.pk, "donor")).content.decode()
    )
    answer(lpa, "donor", donor_data(first_name="Alex", last_name="Applicant"))
    page = client.get(_url("lpa-step", lpa.pk, "donor")).content.decode()
    assert "Myself, Alex Applicant" not in page


def test_every_question_page_offers_cancel_and_delete_until_the_lpa_is_completed(client, applicant):
    """Issue #12 point 21: a way out of the journey on its pages, to the confirmation page
    that deletes the LPA; none once it is completed (it can no longer be changed)."""
    lpa = lpa_answered(applicant, stop_before="attorneys")
    delete_url = _url("lpa-delete", lpa.pk)
    for url in (
        _url("lpa-tasks", lpa.pk),
        _url("lpa-step", lpa.pk, "donor"),
        _url("lpa-step", lpa.pk, "attorneys"),
    ):
        page = client.get(url, follow=True).content.decode()
        assert f'href="{delete_url}">Cancel and delete your answers</a>' in page, url

    done = lpa_completed(applicant)
    page = client.get(_url("lpa-tasks", done.pk), follow=True).content.decode()
    assert _url("lpa-delete", done.pk) + '">Cancel and delete' not in page


def test_an_lpa_is_read_for_its_own_account_only_in_one_query(applicant, django_assert_num_queries):
    """``lpa_for_owner`` (every LPA page's first read, its SQL compiled once per process): the
    account's own LPA with every field as the ORM reads it; someone else's, or none, is None."""
    from lasting_power.selectors import lpa_for_owner

    own = services.lpa_start(user=applicant, lpa_type=LpaType.PROPERTY_FINANCE)
    other = services.lpa_start(user=UserFactory(), lpa_type=LpaType.HEALTH_WELFARE)

    with django_assert_num_queries(1):
        found = lpa_for_owner(user=applicant, pk=own.pk)
    expected = Lpa.objects.get(pk=own.pk)
    assert [getattr(found, f.attname) for f in Lpa._meta.concrete_fields] == [
        getattr(expected, f.attname) for f in Lpa._meta.concrete_fields
    ]
    assert lpa_for_owner(user=applicant, pk=other.pk) is None
    assert lpa_for_owner(user=applicant, pk=other.pk + 1000) is None
    assert lpa_for_owner(user=other.user, pk=other.pk) == other
