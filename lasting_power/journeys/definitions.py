"""The LPA's questions as the platform's journey data (Section, Step, RepeatingStep), in
the notes' order, with the notes' gating as step conditions [F FormFlowChecker.php].

One journey per type, because the steps differ. They are evaluated with the platform's
engine (``digital_services.journeys.engine.journey_evaluate``) over ``Lpa.answers``, but
not routed through the platform's draft views: an account has many LPAs, each saved on
its own row as every answer is given (``lasting_power.views``). Which step may open is
decided in one place, ``lasting_power.journeys.flow``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from digital_services.journeys.contact import contact_step
from digital_services.journeys.definitions import Answers, Journey, RepeatingStep, Section, Step

from .. import forms as lpa_forms
from ..constants import (
    JOINTLY,
    JOINTLY_AND_SEVERALLY,
    JOURNEY_SLUGS,
    PEOPLE_TO_NOTIFY_MAX,
    SERVICE_SLUG,
    STEP_IN_LAST,
    LpaType,
)


def person_title(data: dict) -> str:
    return " ".join(part for part in (data.get("first_name"), data.get("last_name")) if part)


def has_trust(answers: Answers) -> bool:
    return answers.value("trust-corporation", "wanted") == "yes"


def attorney_count(answers: Answers) -> int:
    return len(answers.value("attorneys") or []) + (1 if has_trust(answers) else 0)


def replacement_count(answers: Answers) -> int:
    return len(answers.value("replacements") or [])


def attorneys_how(answers: Answers) -> str | None:
    return answers.value("attorneys-decide", "how")


def asks_how_attorneys_decide(answers: Answers) -> bool:
    """Step 5: only with 2 or more attorneys."""
    return attorney_count(answers) >= 2


def asks_step_in(answers: Answers) -> bool:
    """Step 7: with replacements, when 2 or more attorneys act jointly and severally."""
    return (
        replacement_count(answers) >= 1
        and attorney_count(answers) >= 2
        and attorneys_how(answers) == JOINTLY_AND_SEVERALLY
    )


def asks_how_replacements_decide(answers: Answers) -> bool:
    """Step 8: 2 or more replacements and one attorney, or attorneys acting jointly, or
    acting jointly and severally with replacements stepping in only when none can act."""
    if replacement_count(answers) < 2:
        return False
    count = attorney_count(answers)
    how = attorneys_how(answers)
    return (
        count == 1
        or how == JOINTLY
        or (
            how == JOINTLY_AND_SEVERALLY
            and answers.value("replacements-step-in", "when") == STEP_IN_LAST
        )
    )


def _registering_kwargs(answers: Answers) -> dict:
    return {
        "attorneys": attorney_choices(answers),
        # One attorney, or attorneys acting jointly: all of them register it.
        "all_must_apply": attorney_count(answers) == 1 or attorneys_how(answers) == JOINTLY,
    }


def attorney_choices(answers: Answers) -> list[tuple[str, str]]:
    """The original attorneys as (key, name): "1", "2"… for people, "trust" for a company."""
    choices = [
        (str(number), person_title(person))
        for number, person in enumerate(answers.value("attorneys") or [], start=1)
    ]
    if has_trust(answers):
        choices.append(("trust", answers.value("trust-corporation", "name")))
    return choices


def _people_step(slug, title, form_class, item_name, plural, **kwargs) -> RepeatingStep:
    return RepeatingStep(
        slug=slug,
        title=title,
        form_class=form_class,
        item_name=item_name,
        item_name_plural=plural,
        item_title=person_title,
        **kwargs,
    )


def _sections(lpa_type: str) -> list[Section]:
    property_finance = lpa_type == LpaType.PROPERTY_FINANCE
    attorney_steps = []
    if property_finance:
        attorney_steps.append(
            Step(
                slug="trust-corporation",
                title=_("A trust corporation as an attorney"),
                form_class=lpa_forms.TrustCorporationForm,
            )
        )
    attorney_steps.append(
        _people_step(
            "attorneys",
            _("The attorneys"),
            lpa_forms.AttorneyForm,
            _("attorney"),
            _("attorneys"),
        )
    )
    if property_finance:
        when = Step(slug="when", title=_("When the LPA can be used"), form_class=lpa_forms.WhenForm)
    else:
        when = Step(
            slug="life-sustaining",
            title=_("Life-sustaining treatment"),
            form_class=lpa_forms.LifeSustainingForm,
        )
    return [
        Section(
            slug="donor",
            title=_("The donor"),
            steps=[Step(slug="donor", title=_("The donor"), form_class=lpa_forms.DonorForm)],
        ),
        Section(slug="when-used", title=when.title, steps=[when]),
        Section(slug="attorneys", title=_("The attorneys"), steps=attorney_steps),
        Section(
            slug="attorney-decisions",
            title=_("How the attorneys make decisions"),
            steps=[
                Step(
                    slug="attorneys-decide",
                    title=_("How the attorneys make decisions"),
                    form_class=lpa_forms.HowDecideForm,
                    condition=asks_how_attorneys_decide,
                )
            ],
        ),
        Section(
            slug="replacements",
            title=_("Replacement attorneys"),
            steps=[
                _people_step(
                    "replacements",
                    _("Replacement attorneys"),
                    lpa_forms.ReplacementForm,
                    _("replacement attorney"),
                    _("replacement attorneys"),
                ),
                Step(
                    slug="replacements-step-in",
                    title=_("When replacement attorneys step in"),
                    form_class=lpa_forms.StepInForm,
                    condition=asks_step_in,
                ),
                Step(
                    slug="replacements-decide",
                    title=_("How replacement attorneys make decisions"),
                    form_class=lpa_forms.ReplacementsDecideForm,
                    condition=asks_how_replacements_decide,
                ),
            ],
        ),
        Section(
            slug="certificate-provider",
            title=_("The certificate provider"),
            steps=[
                Step(
                    slug="certificate-provider",
                    title=_("The certificate provider"),
                    form_class=lpa_forms.CertificateProviderForm,
                )
            ],
        ),
        Section(
            slug="people-to-notify",
            title=_("People to notify"),
            steps=[
                _people_step(
                    "people-to-notify",
                    _("People to notify"),
                    lpa_forms.NotifyForm,
                    _("person to notify"),
                    _("people to notify"),
                    max_items=PEOPLE_TO_NOTIFY_MAX,
                )
            ],
        ),
        Section(
            slug="instructions",
            title=_("Preferences and instructions"),
            steps=[
                Step(
                    slug="instructions",
                    title=_("Preferences and instructions"),
                    form_class=lpa_forms.InstructionsForm,
                )
            ],
        ),
        Section(
            slug="registering",
            title=_("Who is registering the LPA"),
            steps=[
                Step(
                    slug="who-is-registering",
                    title=_("Who is registering the LPA"),
                    form_class=lpa_forms.RegisteringForm,
                    form_kwargs=_registering_kwargs,
                )
            ],
        ),
        Section(
            slug="correspondent",
            title=_("Where we send the LPA"),
            steps=[
                Step(
                    slug="correspondent",
                    title=_("Who gets the LPA and letters"),
                    form_class=lpa_forms.CorrespondentForm,
                    form_kwargs=lambda answers: {"attorneys": attorney_choices(answers)},
                ),
                contact_step(
                    slug="correspondent-contact",
                    title=_("How we send them the documents"),
                    form_class=lpa_forms.CorrespondentContactForm,
                ),
            ],
        ),
        Section(
            slug="repeat",
            title=_("Repeat application"),
            steps=[
                Step(
                    slug="repeat-application",
                    title=_("Repeat application"),
                    form_class=lpa_forms.RepeatForm,
                )
            ],
        ),
    ]


def _not_submitted_here(**kwargs) -> str:
    """The platform calls a journey's ``submit`` only for journeys routed through its own
    views; LPAs are completed by ``services.lpa_complete`` after the fee is settled."""
    raise NotImplementedError("LPAs are completed by lasting_power.services.lpa_complete")


JOURNEY_TITLES = {
    LpaType.PROPERTY_FINANCE: _("Make a lasting power of attorney: property and financial affairs"),
    LpaType.HEALTH_WELFARE: _("Make a lasting power of attorney: health and welfare"),
}

JOURNEYS = {
    lpa_type: Journey(
        service=SERVICE_SLUG,
        slug=JOURNEY_SLUGS[lpa_type],
        title=JOURNEY_TITLES[lpa_type],
        submit=_not_submitted_here,
        sections=_sections(lpa_type),
        url_namespace="lasting_power",
    )
    for lpa_type in LpaType.values
}


def journey_for(lpa_type: str) -> Journey:
    return JOURNEYS[lpa_type]
