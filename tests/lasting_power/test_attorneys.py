"""Attorneys after OPG has an LPA: removing one with a reason (a replacement steps in),
refused from the wrong states; the access code each is posted on registration; linking
the LPA with it (right, wrong, used and revoked codes, the rate limit, another LPA's
code); the attorney's page and the registered copy; and closing an account keeps an LPA
OPG has received."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.notifications.models import OutboundMessage
from digital_services.privacy.services import account_close
from lasting_power import attorneys, registration
from lasting_power.constants import ATTORNEY_REMOVAL_LPA_STATUSES, LpaStatus
from lasting_power.models import AttorneyAccess, AttorneyRemoval, Lpa
from lasting_power.retention import RETENTION
from lasting_power.tasks import lpa_registered_send_task
from tests.accounts.factories import UserFactory

from .factories import lpa_answered, lpa_completed
from .registration_factories import lpa_received, lpa_registered
from .test_admin import _action, caseworker, staff  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def _registered_and_sent(**kwargs) -> Lpa:
    lpa = lpa_registered(**kwargs)
    assert lpa_registered_send_task.apply(args=[lpa.pk]).get() is True
    return lpa


def _codes() -> dict[str, str]:
    """The access code in each attorney's letter, by the name the letter is addressed to."""
    return {
        m.recipient.splitlines()[0]: m.personalisation["access_code"]
        for m in OutboundMessage.objects.filter(template_key="lasting_power.attorney_access")
    }


def _link(client, lpa, code):
    return client.post(
        reverse("lasting_power:attorney-link"),
        {"reference": lpa.reference_display, "access_code": code},
    )


# Removing an attorney ----------------------------------------------------------------


def test_removing_an_attorney_lets_a_replacement_step_in_and_is_audited():
    lpa = lpa_received(attorneys=2, replacements=1)
    before = {row.id: row.standing for row in attorneys.lpa_attorneys_standing(lpa)}
    assert before == {
        "attorney:1": "acting",
        "attorney:2": "acting",
        "replacement:1": "not-acting",
    }
    attorneys.attorney_remove(
        lpa=lpa, person="attorney:1", reason="Has died", replacement="replacement:1"
    )
    after = {row.id: (row.standing, row.reason) for row in attorneys.lpa_attorneys_standing(lpa)}
    assert after == {
        "attorney:1": ("removed", "Has died"),
        "attorney:2": ("acting", ""),
        "replacement:1": ("acting", ""),
    }
    event = AuditEvent.objects.get(action="lpa.attorney_removed")
    assert event.detail["person"] == "attorney:1" and event.detail["replacement"] == "replacement:1"


def test_removing_needs_a_reason_an_acting_attorney_and_someone_left_to_act():
    lpa = lpa_received(attorneys=1, replacements=1)
    with pytest.raises(attorneys.AttorneyChangeRefused) as refused:
        attorneys.attorney_remove(lpa=lpa, person="attorney:1", reason=" ")
    assert refused.value.errors == {"reason": ["Enter the reason"]}
    with pytest.raises(attorneys.AttorneyChangeRefused, match="last attorney acting"):
        attorneys.attorney_remove(lpa=lpa, person="attorney:1", reason="Bankrupt")
    with pytest.raises(attorneys.AttorneyChangeRefused, match="who is acting"):
        attorneys.attorney_remove(lpa=lpa, person="replacement:1", reason="Moved abroad")
    with pytest.raises(attorneys.AttorneyChangeRefused, match="not acting yet"):
        attorneys.attorney_remove(
            lpa=lpa, person="attorney:1", reason="Bankrupt", replacement="replacement:9"
        )
    assert not AttorneyRemoval.objects.exists()


@pytest.mark.parametrize("status", LpaStatus.values)
def test_an_attorney_is_removed_only_while_opg_holds_the_lpa(status):
    lpa = lpa_completed(attorneys=2)
    Lpa.objects.filter(pk=lpa.pk).update(status=status)
    lpa.refresh_from_db()
    if status in ATTORNEY_REMOVAL_LPA_STATUSES:
        attorneys.attorney_remove(lpa=lpa, person="attorney:2", reason="Lost capacity")
        assert AttorneyRemoval.objects.filter(lpa=lpa).count() == 1
    else:
        with pytest.raises(TransitionNotAllowed):
            attorneys.attorney_remove(lpa=lpa, person="attorney:2", reason="Lost capacity")
        assert not AttorneyRemoval.objects.exists()


def test_the_caseworker_removes_an_attorney_from_the_case_page(staff):  # noqa: F811
    lpa = lpa_received(attorneys=2, replacements=1)
    page = staff.get(reverse("admin:lasting_power_lpa_change", args=[lpa.pk])).content.decode()
    assert "Remove an attorney" in page and "Replacement, not acting" in page
    error = staff.post(_action(lpa, "remove-attorney"), {"person": "attorney:2", "reason": ""})
    assert "Enter the reason" in error.content.decode()
    done = staff.post(
        _action(lpa, "remove-attorney"),
        {"person": "attorney:2", "reason": "Has died", "replacement": "replacement:1"},
        follow=True,
    ).content.decode()
    assert "the replacement attorney now acts" in done and "Has died" in done


# Access codes and linking --------------------------------------------------------------


def test_registration_posts_each_attorney_and_replacement_a_code_kept_only_as_a_hash():
    lpa = _registered_and_sent(attorneys=2, replacements=1)
    codes = _codes()
    assert len(codes) == 3 and len(set(codes.values())) == 3
    accesses = AttorneyAccess.objects.filter(lpa=lpa)
    assert {a.person for a in accesses} == {"attorney:1", "attorney:2", "replacement:1"}
    for access in accesses:
        assert access.code_hash not in codes.values() and len(access.code_hash) == 64
    letter = OutboundMessage.objects.filter(template_key="lasting_power.attorney_access").first()
    assert letter.channel == "letter"
    assert reverse("lasting_power:attorney-link") in letter.personalisation["link_url"]
    # The task running again posts no second set of codes.
    lpa_registered_send_task.apply(args=[lpa.pk]).get()
    assert AttorneyAccess.objects.filter(lpa=lpa).count() == 3


def test_an_attorney_links_the_lpa_with_the_right_code_once(client):
    lpa = _registered_and_sent()
    code = next(iter(_codes().values()))
    attorney = UserFactory()
    client.force_login(attorney)
    response = _link(client, lpa, code.lower())
    assert response.status_code == 302
    assert response.url == reverse("lasting_power:attorney-lpa", args=[lpa.pk])
    access = AttorneyAccess.objects.get(lpa=lpa)
    assert access.user == attorney and access.used_at is not None
    assert AuditEvent.objects.filter(action="lpa.attorney_linked").count() == 1
    page = client.get(response.url).content.decode()
    assert 'id="lpa-status">Registered<' in page
    assert "Download the registered LPA" in page
    # Used: the same code does nothing for anyone else.
    other = UserFactory()
    client.force_login(other)
    again = _link(client, lpa, code)
    assert "do not match an LPA you can add" in again.content.decode()
    assert client.get(reverse("lasting_power:attorney-lpa", args=[lpa.pk])).status_code == 404


@pytest.mark.parametrize("wrong", ["another-code", "another-lpa", "revoked"])
def test_a_wrong_code_gets_the_same_error_and_links_nothing(client, wrong):
    lpa = _registered_and_sent()
    code = next(iter(_codes().values()))
    target, typed = lpa, code
    if wrong == "another-code":
        typed = attorneys._code_new()
    elif wrong == "another-lpa":
        target = lpa_completed()
    else:
        attorneys.attorney_access_resend(lpa=lpa, person="attorney:1")
    client.force_login(UserFactory())
    response = _link(client, target, typed)
    assert response.status_code == 200
    assert "do not match an LPA you can add" in response.content.decode()
    assert not AttorneyAccess.objects.filter(user__isnull=False).exists()


def test_badly_typed_details_are_errors_on_the_fields_keeping_what_was_typed(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("lasting_power:attorney-link"), {"reference": "A12", "access_code": "XYZ"}
    )
    page = response.content.decode()
    assert "Enter the LPA reference as it is shown on the letter" in page
    assert "Enter the access code as it is shown on the letter" in page
    assert 'value="XYZ"' in page and "There is a problem" in page


def test_linking_is_rate_limited_per_lpa_reference(client, settings):
    settings.LASTING_POWER_ACCESS_CODE_RATE_LIMIT = "3/h"
    lpa = _registered_and_sent()
    code = next(iter(_codes().values()))
    client.force_login(UserFactory())
    for _ in range(3):
        assert _link(client, lpa, attorneys._code_new()).status_code == 200
    refused = _link(client, lpa, code)
    assert refused.status_code == 429
    assert "too many times" in refused.content.decode()
    assert not AttorneyAccess.objects.filter(used_at__isnull=False).exists()


def test_the_link_page_needs_an_account(client):
    response = client.get(reverse("lasting_power:attorney-link"))
    assert response.status_code == 302 and "login" in response.url


def test_a_removed_attorney_loses_the_lpa_and_cannot_link_it(client):
    lpa = _registered_and_sent(attorneys=2)
    codes = _codes()
    first = codes[sorted(codes)[0]]
    attorney = UserFactory()
    client.force_login(attorney)
    _link(client, lpa, first)
    person = AttorneyAccess.objects.get(user=attorney).person
    attorneys.attorney_remove(lpa=lpa, person=person, reason="No longer wishes to act")
    assert client.get(reverse("lasting_power:attorney-lpa", args=[lpa.pk])).status_code == 404


def test_the_registered_copy_is_downloaded_only_while_registered(client):
    lpa = _registered_and_sent()
    client.force_login(UserFactory())
    _link(client, lpa, next(iter(_codes().values())))
    download = reverse("lasting_power:attorney-lpa-download", args=[lpa.pk])
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    registration.lpa_status_change(lpa=lpa, to=LpaStatus.SUSPENDED, reason="Investigation")
    assert client.get(download).status_code == 404
    page = client.get(reverse("lasting_power:attorney-lpa", args=[lpa.pk])).content.decode()
    assert "Suspended" in page and "cannot be downloaded while the LPA is suspended" in page


def test_a_caseworker_posts_a_new_code_and_the_old_one_stops_working(staff, client):  # noqa: F811
    lpa = _registered_and_sent()
    old = next(iter(_codes().values()))
    response = staff.post(_action(lpa, "attorney-code"), {"person": "attorney:1"}, follow=True)
    assert "A new access code is posted" in response.content.decode()
    new = [
        m.personalisation["access_code"]
        for m in OutboundMessage.objects.filter(template_key="lasting_power.attorney_access")
    ]
    assert len(new) == 2 and old in new
    fresh = next(code for code in new if code != old)
    client.force_login(UserFactory())
    assert _link(client, lpa, old).status_code == 200  # refused: the old one was revoked
    assert _link(client, lpa, fresh).status_code == 302


def test_no_code_is_sent_before_registration(staff):  # noqa: F811
    lpa = lpa_received()
    response = staff.get(_action(lpa, "attorney-code"), follow=True).content.decode()
    assert "attorneys get access codes only once it is registered" in response


def test_the_attorney_sees_the_lpa_in_your_applications(client):
    from lasting_power.service import list_cases

    lpa = _registered_and_sent()
    attorney = UserFactory()
    client.force_login(attorney)
    _link(client, lpa, next(iter(_codes().values())))
    cases = list(list_cases(attorney))
    assert [c.reference for c in cases] == [lpa.reference_display]
    assert "you are an attorney" in cases[0].title
    with translation.override("cy"):
        (welsh,) = list_cases(attorney)
    assert welsh.title.endswith(": rydych yn atwrnai")
    assert welsh.action_label == "Gweld"


# Closing an account -------------------------------------------------------------------


def test_closing_an_account_keeps_an_lpa_opg_received_and_deletes_those_still_held(client):
    applicant = UserFactory()
    registered = _registered_and_sent(user=applicant)
    held = lpa_completed(applicant)
    draft = lpa_answered(applicant, stop_before="correspondent")
    attorney = UserFactory()
    client.force_login(attorney)
    _link(client, registered, next(iter(_codes().values())))

    account_close(user=applicant)
    account_close(user=attorney)

    assert not Lpa.objects.filter(pk__in=[held.pk, draft.pk]).exists()
    kept = Lpa.objects.get(pk=registered.pk)
    assert kept.user is None and kept.status == LpaStatus.REGISTERED
    from lasting_power.documents.registered import lpa_registered_document

    document = lpa_registered_document(lpa=kept)
    assert document is not None and document.owner is None
    assert AttorneyAccess.objects.get(lpa=kept).user is None


def test_the_retention_map_keeps_opg_records():
    rule = next(r for r in RETENTION if r.key == "lasting_power.opg-record")
    assert rule.keep and rule.model == "lasting_power.Lpa"
    lpa = lpa_received()
    later = timezone.now() + dt.timedelta(days=1)
    assert list(rule.expired(later)) == [lpa]
    assert "does not delete it" in rule.then
    held = lpa_completed()
    assert held not in list(rule.expired(later))


def test_the_access_code_looks_like_a_reference_with_a_check_character():
    code = attorneys._code_new()
    assert re.fullmatch(r"[0-9A-Z]{12}", code)
