"""The citizen's booking journey: prison, prisoner, times, visitors, check, send.

Steps (``BOOK``), in order:

1. ``prison``: the prison's name, found among every prison. A prison that does not
   take requests online (closed, private, not on the service, switched off) gets
   ``cannot-book``, a page that fits its case and never lets the journey go on.
2. ``prisoner``: name, date of birth and prison number, checked against the prison's
   register (no match: an error on the number and the date of birth).
3. ``slots``: a month calendar and up to 3 times in order of preference, from
   ``selectors.prison_availability_get`` (worked out once per request, see
   ``availability_for``).
4. ``lead-visitor`` (18 or over on the day) and ``visitors`` (up to 5 more); when the
   party breaks a rule that no one visitor's page can check (more than 3 adults on
   the day), ``visitor-rules`` says what to change.

Every stored answer is checked again on every page (the journey engine does that), so
a time that has filled up since it was chosen sends the visitor back to choose again.
``visit_request_submit_from_journey`` turns the answers into a request and turns
the service's errors into messages on the check page, keeping every answer.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.dates import date_format
from digital_services.core.grants import grant_issue, grant_read
from digital_services.journeys.contact import contact_initial_for
from digital_services.journeys.definitions import (
    Answers,
    Journey,
    RepeatingStep,
    Step,
    journey_register,
)
from digital_services.journeys.exceptions import JourneySubmitError

from . import emails, selectors, services
from .constants import GRANT_SCOPE, MAX_VISITORS, SERVICE_SLUG
from .forms import (
    LeadVisitorForm,
    PrisonChoiceForm,
    PrisonerForm,
    PrisonUnavailableForm,
    SlotChoiceForm,
    VisitorForm,
    VisitorRulesForm,
    lead_postal_address,
    slot_keys,
)
from .models import Prison, SlotTime
from .rules import PrisonerDetails, RuleProblem, VisitorDetails, visitors_problems

#: Signs the confirmation page's address: whoever sent the request (signed in or not)
#: sees it, and nobody can make one up from a reference.
CONFIRMATION_TTL = timedelta(days=1)


# ---------------------------------------------------------------- answers


def prison_of(answers: Answers) -> Prison | None:
    return answers.value("prison", "prison")


def _prison_chosen(answers: Answers) -> bool:
    return prison_of(answers) is not None


def _bookable(answers: Answers) -> bool:
    prison = prison_of(answers)
    return prison is not None and prison.is_bookable


def _not_bookable(answers: Answers) -> bool:
    return _prison_chosen(answers) and not _bookable(answers)


def availability_for(answers: Answers):
    """The prison's availability for this prisoner, worked out once per ``answers`` (one
    request: the engine re-checks every answer on every page, building forms twice)."""
    prison = prison_of(answers)
    number = answers.value("prisoner", "prison_number")
    memo = answers.__dict__.setdefault("_prison_visits_availability", {})
    key = (prison.pk, number, timezone.localdate())
    if key not in memo:
        memo[key] = selectors.prison_availability_get(prison=prison, prisoner_number=number)
    return memo[key]


def chosen_slots(answers: Answers) -> list[SlotTime]:
    return [SlotTime.from_key(key) for key in slot_keys(answers.value("slots"))]


def visit_dates(answers: Answers) -> list[date]:
    return [slot.date for slot in chosen_slots(answers)]


def party(answers: Answers) -> list[VisitorDetails]:
    """The lead visitor first, then the others, as the rules and the service take them."""
    people = [answers.value("lead-visitor"), *(answers.value("visitors") or [])]
    return [
        VisitorDetails(p["first_name"], p["last_name"], p["date_of_birth"]) for p in people if p
    ]


def party_problems(answers: Answers) -> list[RuleProblem]:
    if answers.value("lead-visitor") is None or answers.value("visitors") is None:
        return []
    prison = prison_of(answers)
    return visitors_problems(
        visitors=party(answers), adult_age=prison.adult_age, visit_dates=visit_dates(answers)
    )


# ---------------------------------------------------------------- form arguments


def _prison_kwargs(answers: Answers) -> dict:
    return {"prison": prison_of(answers)}


def _slots_kwargs(answers: Answers) -> dict:
    prisoner = answers.value("prisoner") or {}
    name = f"{prisoner.get('first_name', '')} {prisoner.get('last_name', '')}".strip()
    return {"availability": availability_for(answers), "prisoner_name": name}


def _lead_kwargs(answers: Answers) -> dict:
    return {"adult_age": prison_of(answers).adult_age, "visit_dates": visit_dates(answers)}


def _rules_kwargs(answers: Answers) -> dict:
    return {"problems": party_problems(answers)}


# ---------------------------------------------------------------- check your answers


def _day(value: date) -> str:
    return date_format(value)


def _prison_summary(cleaned: dict) -> list[tuple[str, str]]:
    return [(gettext("Prison"), cleaned["prison"].name_here)]


def _prisoner_summary(cleaned: dict) -> list[tuple[str, str]]:
    return [
        (gettext("Prisoner’s name"), f"{cleaned['first_name']} {cleaned['last_name']}"),
        (gettext("Prisoner’s date of birth"), _day(cleaned["date_of_birth"])),
        (gettext("Prison number"), cleaned["prison_number"]),
    ]


def _slots_summary(cleaned: dict) -> list[tuple[str, str]]:
    lines = [
        f"{n}. {emails.slot_text(SlotTime.from_key(key), emails.page_language())}"
        for n, key in enumerate(slot_keys(cleaned), 1)
    ]
    return [(gettext("Visit times, in order of preference"), "\n".join(lines))]


def _lead_summary(cleaned: dict) -> list[tuple[str, str]]:
    return [
        (gettext("Main visitor"), f"{cleaned['first_name']} {cleaned['last_name']}"),
        (gettext("Main visitor’s date of birth"), _day(cleaned["date_of_birth"])),
        *(
            [(gettext("Updates by post to"), lead_postal_address(cleaned).replace("\n", ", "))]
            if cleaned.get("contact") == LeadVisitorForm.CONTACT_POST
            else [(gettext("Email address"), cleaned.get("email", ""))]
        ),
        (gettext("Phone number"), cleaned["phone"]),
    ]


def _visitor_summary(cleaned: dict) -> list[tuple[str, str]]:
    return [
        (gettext("Name"), f"{cleaned['first_name']} {cleaned['last_name']}"),
        (gettext("Date of birth"), _day(cleaned["date_of_birth"])),
    ]


# ---------------------------------------------------------------- sending


def confirmation_token(reference: str) -> str:
    """The platform grant (core/grants.py) for the visit just sent, in its confirmation URL."""
    return grant_issue(scope=GRANT_SCOPE, reference=reference, ttl=CONFIRMATION_TTL)


def confirmation_reference(token: str) -> str | None:
    """The reference a confirmation token grants, or None (changed, too old, another scope)."""
    grant = grant_read(token, scope=GRANT_SCOPE)
    return grant.reference if grant is not None else None


def visit_request_submit_from_journey(*, answers, user, channel, assisted_session, language):
    """Send the request (``services.visit_request_submit``); its confirmation page's URL.

    Raises ``JourneySubmitError`` naming the step to change when the service refuses:
    a time filled up by someone else meanwhile, the prison stopped taking requests,
    the prisoner left the register, the party breaks a rule.
    """
    prison = prison_of(answers)
    prisoner = answers.value("prisoner")
    lead = answers.value("lead-visitor")
    try:
        visit = services.visit_request_submit(
            prison=prison,
            prisoner=PrisonerDetails(
                first_name=prisoner["first_name"],
                last_name=prisoner["last_name"],
                date_of_birth=prisoner["date_of_birth"],
                prison_number=prisoner["prison_number"],
            ),
            slots=slot_keys(answers.value("slots")),
            visitors=party(answers),
            contact_email=lead.get("email", ""),
            contact_phone=lead["phone"],
            postal_address=lead_postal_address(lead),
            language=language,
            user=user,
            channel=channel,
            assisted_session=assisted_session,
        )
    except services.PrisonNotBookable as exc:
        raise JourneySubmitError(
            gettext("%(problem)s. Choose another prison") % {"problem": exc}, step="prison"
        ) from exc
    except services.PrisonerNotFound as exc:
        raise JourneySubmitError(
            gettext("%(problem)s. Check the prisoner’s details") % {"problem": exc}, step="prisoner"
        ) from exc
    except services.SlotFull as exc:
        when = (
            emails.slot_text(exc.slot, emails.page_language())
            if exc.slot
            else gettext("One of your times")
        )
        raise JourneySubmitError(
            gettext("%(when)s has just been fully booked. Choose another time") % {"when": when},
            step="slots",
        ) from exc
    except services.SlotUnavailable as exc:
        raise JourneySubmitError(
            gettext("%(problem)s. Choose another time") % {"problem": exc}, step="slots"
        ) from exc
    except services.VisitorRulesBroken as exc:
        raise JourneySubmitError([p.message for p in exc.problems], step="visitors") from exc
    except services.InvalidDecision as exc:
        raise JourneySubmitError(str(exc), step="lead-visitor") from exc
    return reverse("prison_visits:book-confirmation", args=[confirmation_token(visit.reference)])


BOOK = journey_register(
    Journey(
        service=SERVICE_SLUG,
        slug="book",
        title=_("Book a prison visit"),
        submit=visit_request_submit_from_journey,
        check_title=_("Check your visit request"),
        declaration=_(
            "I confirm that the information I have given is correct, and that everyone "
            "visiting knows they must bring ID and will be searched."
        ),
        submit_label=_("Send request"),
        steps=[
            Step(
                slug="prison",
                title=_("Which prison is the person you want to visit in?"),
                form_class=PrisonChoiceForm,
                template_name="prison_visits/journey/prison.html",
                summary=_prison_summary,
            ),
            Step(
                slug="cannot-book",
                title=_("You cannot book a visit to this prison online"),
                form_class=PrisonUnavailableForm,
                condition=_not_bookable,
                form_kwargs=_prison_kwargs,
                template_name="prison_visits/journey/cannot_book.html",
            ),
            Step(
                slug="prisoner",
                title=_("Who are you visiting?"),
                form_class=PrisonerForm,
                condition=_bookable,
                form_kwargs=_prison_kwargs,
                summary=_prisoner_summary,
                hint=_("We check these details with the prison."),
            ),
            Step(
                slug="slots",
                title=_("When do you want to visit?"),
                form_class=SlotChoiceForm,
                condition=_bookable,
                form_kwargs=_slots_kwargs,
                template_name="prison_visits/journey/slots.html",
                summary=_slots_summary,
            ),
            Step(
                slug="lead-visitor",
                title=_("Your details"),
                form_class=LeadVisitorForm,
                condition=_bookable,
                form_kwargs=_lead_kwargs,
                summary=_lead_summary,
                initial=contact_initial_for,
                hint=_("You are the main visitor. You must be 18 or over on the day of the visit."),
            ),
            RepeatingStep(
                slug="visitors",
                title=_("Another visitor’s details"),
                form_class=VisitorForm,
                condition=_bookable,
                summary=_visitor_summary,
                hint=_(
                    "You can bring up to 5 more people, children included. No more than 3 "
                    "visitors can be adults on the day of the visit."
                ),
                item_name=_("visitor"),
                item_name_plural=_("visitors"),
                min_items=0,
                max_items=MAX_VISITORS - 1,
                item_title=lambda item: f"{item['first_name']} {item['last_name']}",
            ),
            Step(
                slug="visitor-rules",
                title=_("You need to change who is visiting"),
                form_class=VisitorRulesForm,
                condition=lambda answers: _bookable(answers) and bool(party_problems(answers)),
                form_kwargs=_rules_kwargs,
                template_name="prison_visits/journey/visitor_rules.html",
            ),
        ],
    )
)
