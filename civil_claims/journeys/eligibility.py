"""Can you use this service? The questions asked before the claim, and where each "no" leads.

One question a page, in this order. An answer that rules the service out leads to its own
"You cannot use this service" page (``Exit``), which says why and where to go instead: the
paper claim form N1, a solicitor, or Money Claim Online for a larger claim. The answers are
kept in the browser's session (nothing is recorded about someone who is only checking);
once every answer passes, the claim's task list opens.

The online limit is dated data (``constants.ONLINE_CLAIM_LIMITS``): a claim is judged by
the limit in force on the day the question is answered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.money import pence_format

from ..constants import online_claim_limit_pence

SESSION_KEY = "civil_claims.eligibility"


def online_limit_pence(on: dt.date | None = None) -> int:
    """The largest claim (interest not counted) this service takes on ``on`` (default today)."""
    return online_claim_limit_pence(on or timezone.localdate())


# Where to go instead ------------------------------------------------------------------

N1_URL = "https://www.gov.uk/government/publications/form-n1-claim-form-cpr-part-7"
MCOL_URL = "https://www.moneyclaim.gov.uk/web/mcol/welcome"
SOLICITOR_URL = "https://solicitors.lawsociety.org.uk/"
ADVICE_URL = "https://www.citizensadvice.org.uk/law-and-courts/legal-system/small-claims/"
SCOTLAND_URL = "https://www.scotcourts.gov.uk/taking-action/simple-procedure"
NORTHERN_IRELAND_URL = "https://www.nidirect.gov.uk/articles/small-claims"
DEPOSIT_URL = (
    "https://www.gov.uk/tenancy-deposit-protection/if-your-landlord-doesnt-protect-your-deposit"
)


@dataclass(frozen=True)
class Link:
    text: str
    url: str


N1 = Link(_("make your claim on the paper claim form N1"), N1_URL)
SOLICITOR = Link(_("find a solicitor"), SOLICITOR_URL)
ADVICE = Link(_("get free advice from Citizens Advice"), ADVICE_URL)


@dataclass(frozen=True)
class Exit:
    """One "You cannot use this service" page: why, and where to go instead."""

    slug: str
    reason: str
    instead: tuple[Link, ...] = field(default=(N1, SOLICITOR, ADVICE))
    detail: str = ""


def _over_limit_reason() -> str:
    return gettext("You can only use this service to claim %(limit)s or less.") % {
        "limit": pence_format(online_limit_pence())
    }


EXITS: dict[str, Exit] = {
    exit_.slug: exit_
    for exit_ in (
        Exit(
            slug="claim-over-limit",
            reason="",  # worked out from the limit in force: see exit_reason
            detail=_(
                "If your claim is for £100,000 or less you can make it on Money Claim "
                "Online. For more than that, use the paper claim form N1."
            ),
            instead=(Link(_("make your claim on Money Claim Online"), MCOL_URL), N1, SOLICITOR),
        ),
        Exit(
            slug="claim-value-unknown",
            reason=_("You can only use this service if you know how much you are claiming."),
            detail=_(
                "If you cannot say yet how much you are owed (for example, the cost of "
                "damage that is still being assessed), make your claim on paper."
            ),
        ),
        Exit(
            slug="more-than-one-claimant",
            reason=_("You can only use this service if you are claiming on your own."),
            detail=_("People or businesses claiming together must make their claim on paper."),
        ),
        Exit(
            slug="more-than-one-defendant",
            reason=_("You can only use this service to claim against one person or organisation."),
            detail=_(
                "If you are claiming against 2 people or organisations you can use Money "
                "Claim Online. For more than 2, use the paper claim form N1."
            ),
            instead=(Link(_("make your claim on Money Claim Online"), MCOL_URL), N1, SOLICITOR),
        ),
        Exit(
            slug="under-18",
            reason=_("You can only use this service if you are 18 or over."),
            detail=_(
                "Someone under 18 needs an adult, called a litigation friend, to make a "
                "claim for them on paper."
            ),
        ),
        Exit(
            slug="claimant-address",
            reason=_("You can only use this service if you have a postal address in the UK."),
            detail=_("The court must be able to send you letters about your claim."),
        ),
        Exit(
            slug="defendant-address",
            reason=_(
                "You can only use this service to claim against someone with an address "
                "in England or Wales."
            ),
            detail=_(
                "For someone in Scotland, use the simple procedure of the Scottish courts. "
                "For someone in Northern Ireland, use the small claims court there."
            ),
            instead=(
                Link(_("make a claim in Scotland"), SCOTLAND_URL),
                Link(_("make a claim in Northern Ireland"), NORTHERN_IRELAND_URL),
                SOLICITOR,
            ),
        ),
        Exit(
            slug="defendant-under-18",
            reason=_(
                "You can only use this service to claim against someone who is 18 or "
                "over, or a business or organisation."
            ),
            detail=_(
                "A claim against someone under 18 is made on paper, and the court may "
                "need an adult to act for them."
            ),
        ),
        Exit(
            slug="government-department",
            reason=_("You cannot use this service to claim against a government department."),
            detail=_(
                "Claims against the Crown are made on paper and sent to the department’s "
                "own lawyers."
            ),
        ),
        Exit(
            slug="tenancy-deposit",
            reason=_("You cannot use this service for a claim about a tenancy deposit."),
            detail=_(
                "If your landlord did not protect your deposit, you claim with a "
                "different court form."
            ),
            instead=(Link(_("find out how to claim your deposit back"), DEPOSIT_URL), SOLICITOR),
        ),
        Exit(
            slug="claiming-for-someone-else",
            reason=_("You can only use this service to claim for yourself or your own business."),
            detail=_(
                "A solicitor or other legal representative claiming for a client uses "
                "the legal representatives’ service. Someone acting for a child or for an adult "
                "who cannot manage their own affairs claims on paper."
            ),
        ),
    )
}


def exit_reason(exit_: Exit) -> str:
    return exit_.reason or _over_limit_reason()


# The questions ------------------------------------------------------------------------

YES, NO = "yes", "no"
YES_NO = ((YES, _("Yes")), (NO, _("No")))


@dataclass(frozen=True)
class Question:
    """One eligibility question: its answers, and the answers that rule the service out."""

    slug: str
    title: str
    required_message: str
    choices: tuple[tuple[str, str], ...] = YES_NO
    exits: dict[str, str] = field(default_factory=dict)  # answer -> Exit slug
    hint: str = ""

    def choices_now(self) -> tuple[tuple[str, str], ...]:
        if self.slug != "claim-value":
            return self.choices
        limit = pence_format(online_limit_pence())
        labels = {
            "within": gettext("Yes, %(limit)s or less") % {"limit": limit},
            "over": gettext("Yes, more than %(limit)s") % {"limit": limit},
        }
        return tuple((value, labels.get(value, label)) for value, label in self.choices)


QUESTIONS: tuple[Question, ...] = (
    Question(
        slug="claim-value",
        title=_("Do you know how much you’re claiming?"),
        hint=_("Do not include interest or the court fee."),
        required_message=_("Select whether you know how much you’re claiming"),
        choices=(("within", "within"), ("over", "over"), ("unknown", _("No, I do not know yet"))),
        exits={"over": "claim-over-limit", "unknown": "claim-value-unknown"},
    ),
    Question(
        slug="single-claimant",
        title=_("Is anyone else making this claim with you?"),
        required_message=_("Select yes if anyone else is making this claim with you"),
        exits={YES: "more-than-one-claimant"},
    ),
    Question(
        slug="single-defendant",
        title=_("Are you claiming against more than one person or organisation?"),
        required_message=_(
            "Select yes if you’re claiming against more than one person or organisation"
        ),
        exits={YES: "more-than-one-defendant"},
    ),
    Question(
        slug="over-18",
        title=_("Are you 18 or over?"),
        required_message=_("Select yes if you are 18 or over"),
        exits={NO: "under-18"},
    ),
    Question(
        slug="claimant-address",
        title=_("Do you have a postal address in the UK?"),
        required_message=_("Select yes if you have a postal address in the UK"),
        exits={NO: "claimant-address"},
    ),
    Question(
        slug="defendant-address",
        title=_(
            "Does the person or organisation you’re claiming against have a postal "
            "address in England or Wales?"
        ),
        required_message=_("Select yes if they have a postal address in England or Wales"),
        exits={NO: "defendant-address"},
    ),
    Question(
        slug="defendant-age",
        title=_("Is the person you’re claiming against 18 or over?"),
        hint=_(
            "Choose “a business or organisation” for a company, sole trader’s business, "
            "charity or club."
        ),
        required_message=_("Select whether the person you’re claiming against is 18 or over"),
        choices=(
            (YES, _("Yes")),
            (NO, _("No")),
            ("organisation", _("I’m claiming against a business or organisation")),
        ),
        exits={NO: "defendant-under-18"},
    ),
    Question(
        slug="government-department",
        title=_("Are you claiming against a government department?"),
        hint=_(
            "For example, HM Revenue and Customs or the Department for Work and Pensions. "
            "Local councils are not government departments."
        ),
        required_message=_("Select yes if you’re claiming against a government department"),
        exits={YES: "government-department"},
    ),
    Question(
        slug="tenancy-deposit",
        title=_("Is your claim about a tenancy deposit?"),
        required_message=_("Select yes if your claim is about a tenancy deposit"),
        exits={YES: "tenancy-deposit"},
    ),
    Question(
        slug="on-behalf",
        title=_("Are you claiming on behalf of someone else?"),
        hint=_("For example, as their solicitor, or for a child or a relative."),
        required_message=_("Select yes if you’re claiming on behalf of someone else"),
        exits={YES: "claiming-for-someone-else"},
    ),
)
QUESTION_BY_SLUG = {question.slug: question for question in QUESTIONS}


class EligibilityForm(forms.Form):
    """One eligibility question as radios."""

    answer = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        answer = self.fields["answer"]
        answer.label = question.title
        answer.help_text = question.hint
        answer.choices = question.choices_now()
        answer.error_messages["required"] = question.required_message
        answer.error_messages["invalid_choice"] = question.required_message
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(Field.radios("answer", legend_size=Size.LARGE, legend_tag="h1"))


# Where an answer leads ----------------------------------------------------------------


def answers_from(session) -> dict[str, str]:
    stored = session.get(SESSION_KEY)
    return dict(stored) if isinstance(stored, dict) else {}


def exit_for(question: Question, answer: str | None) -> Exit | None:
    slug = question.exits.get(answer or "")
    return EXITS[slug] if slug else None


def first_unanswered(answers: dict[str, str]) -> Question | None:
    """The first question without a passing answer (an exit answer counts as unanswered:
    someone who comes back changes it or leaves)."""
    for question in QUESTIONS:
        answer = answers.get(question.slug)
        valid = answer in dict(question.choices)
        if not valid or exit_for(question, answer) is not None:
            return question
    return None


def eligibility_passed(answers: dict[str, str]) -> bool:
    return first_unanswered(answers) is None


def previous_question(question: Question) -> Question | None:
    index = QUESTIONS.index(question)
    return QUESTIONS[index - 1] if index else None


def eligibility_url_names() -> list[str]:
    """The URL names of the eligibility pages (all public), for the service's access rules."""
    return [
        "eligibility",
        "eligible",
        *(f"eligibility-{question.slug}" for question in QUESTIONS),
        *(f"not-eligible-{slug}" for slug in EXITS),
    ]
