"""The defendant's response to a money claim: a task list for the platform's journey engine
(save and return), at ``money-claims/response/``, behind ``defendant_responding``.

The engine keeps one draft per account and journey. The claim it is for is chosen on the
claim's page ("Respond to the claim": ``views_response.respond_response_start``), kept in
the browser's session until the first answer makes the draft, then in the draft itself
(``DRAFT_KEY``, as the claim journey keeps its eligibility answers). Every page of the
journey first checks that the viewer is that claim's linked defendant and that it still
takes a response (``services.response.claim_response_refusal``); anyone else goes to the
"Respond to a money claim" page. The claim's facts reach the forms through
``response_context``.

Sent by ``response_submit_from_journey`` (``services.response.response_submit``).
"""

from __future__ import annotations

import functools

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.money import pence_format
from digital_services.journeys.definitions import (
    Journey,
    RepeatingStep,
    Section,
    Step,
    journey_register,
)
from digital_services.journeys.selectors import draft_for_request, owner_for_request
from digital_services.journeys.services import draft_note_save

from ..constants import EVIDENCE_ITEMS_MAX, TIMELINE_EVENTS_MAX, EvidenceType, PaymentOption
from .forms import EvidenceForm, TimelineEventForm
from .response_context import (
    claim_facts,
    claim_facts_reset,
    claim_facts_set,
    claim_kwargs,
    facts_for,
)
from .response_dq import (
    ExpertsForm,
    HearingCourtForm,
    ResponseStatementOfTruthForm,
    UnavailableDateForm,
    VulnerabilityForm,
    WitnessesForm,
)
from .response_forms import (
    AdmittedAmountForm,
    CompanyFinancesForm,
    CounterclaimDetailsForm,
    CounterclaimFeeForm,
    CounterclaimQuestionForm,
    DefenceForm,
    DefenceTypeForm,
    InstalmentsForm,
    MediationForm,
    PaidForm,
    PartPaidQuestionForm,
    PayByDateForm,
    PaymentOptionForm,
    ResponseTypeForm,
)
from .response_means import (
    ACCOUNT_KINDS,
    BOTH,
    EMPLOYED,
    SELF_EMPLOYED,
    UNEMPLOYED,
    BankAccountForm,
    CourtOrderForm,
    DebtForm,
    DependantsForm,
    EmployerForm,
    EmploymentForm,
    ExpensesForm,
    ExplanationForm,
    IncomeForm,
    OtherDependantsForm,
    PriorityDebtsForm,
    ResidenceForm,
    SelfEmploymentForm,
    UnemploymentForm,
    monthly_summary,
)
from .response_rules import (
    admits_owed,
    check_summary,
    counterclaims,
    defence_paid,
    defendant_is_individual,
    disputes,
    employment_status,
    gives_means,
    owed_pence,
    part_admits,
    part_owes,
    part_paid,
    plan_option,
    rejects_all,
    wants_time,
)
from .response_submit import response_submit_from_journey

SERVICE = "money-claims"
#: The claim's reference, in the draft (not a step: the engine reads steps only) and, until
#: the draft exists, in the browser's session.
DRAFT_KEY = "_responding_to"
SESSION_KEY = "civil_claims.responding_to"
LIST_MAX = 50


# The journey ------------------------------------------------------------------------------


def _list_step(slug, title, form, item, items, item_title, hint="") -> RepeatingStep:
    return RepeatingStep(
        slug=slug,
        title=title,
        hint=hint,
        form_class=form,
        condition=gives_means,
        item_name=item,
        item_name_plural=items,
        min_items=0,
        max_items=LIST_MAX,
        item_title=item_title,
    )


RESPONSE = journey_register(
    Journey(
        service=SERVICE,
        slug="response",
        title=_("Respond to a money claim"),
        submit=response_submit_from_journey,
        check_title=_("Check your response before sending it"),
        submit_label=_("Send your response"),
        check_summary=check_summary,
        sections=[
            Section(
                slug="your-response",
                title=_("Your response to the claim"),
                steps=[
                    Step(
                        slug="response-type",
                        title=_("How you respond to the claim"),
                        form_class=ResponseTypeForm,
                        form_kwargs=claim_kwargs,
                    ),
                    Step(
                        slug="part-paid-question",
                        title=_("Have you paid what you owe?"),
                        form_class=PartPaidQuestionForm,
                        condition=part_admits,
                    ),
                    Step(
                        slug="admitted-amount",
                        title=_("How much you admit you owe"),
                        form_class=AdmittedAmountForm,
                        form_kwargs=claim_kwargs,
                        condition=part_owes,
                    ),
                    Step(
                        slug="part-paid",
                        title=_("What you have paid"),
                        form_class=PaidForm,
                        form_kwargs=lambda a: {"claim": claim_facts(), "below_total": True},
                        condition=part_paid,
                    ),
                    Step(
                        slug="defence-type",
                        title=_("Why you reject the claim"),
                        form_class=DefenceTypeForm,
                        condition=rejects_all,
                    ),
                    Step(
                        slug="defence-paid",
                        title=_("What you have paid"),
                        form_class=PaidForm,
                        form_kwargs=claim_kwargs,
                        condition=defence_paid,
                    ),
                    Step(
                        slug="defence",
                        title=_("Why you disagree with the claim"),
                        form_class=DefenceForm,
                        condition=disputes,
                    ),
                ],
            ),
            Section(
                slug="counterclaim",
                title=_("Make a counterclaim"),
                hint=_("Only if you admit part of the claim or reject it"),
                steps=[
                    Step(
                        slug="counterclaim",
                        title=_("A claim against the claimant"),
                        form_class=CounterclaimQuestionForm,
                        condition=disputes,
                    ),
                    Step(
                        slug="counterclaim-details",
                        title=_("Your counterclaim"),
                        form_class=CounterclaimDetailsForm,
                        condition=counterclaims,
                    ),
                    Step(
                        slug="counterclaim-fee",
                        title=_("The counterclaim fee"),
                        form_class=CounterclaimFeeForm,
                        form_kwargs=lambda a: {
                            "amount_pence": a.value("counterclaim-details", "amount_pence")
                        },
                        condition=counterclaims,
                    ),
                ],
            ),
            Section(
                slug="how-you-will-pay",
                title=_("How you will pay"),
                hint=_("Only if you admit you owe money"),
                steps=[
                    Step(
                        slug="payment-option",
                        title=_("How you will pay"),
                        form_class=PaymentOptionForm,
                        form_kwargs=lambda a: {"owed_pence": owed_pence(a)},
                        condition=admits_owed,
                    ),
                    Step(
                        slug="pay-by-date",
                        title=_("The date you will pay by"),
                        form_class=PayByDateForm,
                        condition=lambda a: plan_option(a) == PaymentOption.BY_SET_DATE,
                    ),
                    Step(
                        slug="instalments",
                        title=_("Your instalments"),
                        form_class=InstalmentsForm,
                        form_kwargs=lambda a: {"owed_pence": owed_pence(a)},
                        condition=lambda a: plan_option(a) == PaymentOption.INSTALMENTS,
                    ),
                ],
            ),
            Section(
                slug="your-finances",
                title=_("Your finances"),
                hint=_("Only if you ask for time to pay"),
                steps=[
                    Step(
                        slug="company-finances",
                        title=_("Send your financial details to the claimant"),
                        form_class=CompanyFinancesForm,
                        condition=lambda a: wants_time(a) and not defendant_is_individual(),
                    ),
                    _list_step(
                        "som-bank-accounts",
                        _("Your bank and savings accounts"),
                        BankAccountForm,
                        _("account"),
                        _("accounts"),
                        lambda c: (
                            f"{ACCOUNT_KINDS.get(c['kind'], c['kind'])}: "
                            f"{'-' if c.get('overdrawn') else ''}{pence_format(c['balance_pence'])}"
                        ),
                        hint=_("Add each account you have, including joint ones."),
                    ),
                    Step(
                        slug="som-residence",
                        title=_("Where you live"),
                        form_class=ResidenceForm,
                        condition=gives_means,
                    ),
                    Step(
                        slug="som-dependants",
                        title=_("Children who live with you"),
                        form_class=DependantsForm,
                        condition=gives_means,
                    ),
                    Step(
                        slug="som-other-dependants",
                        title=_("Other people you support, and caring"),
                        form_class=OtherDependantsForm,
                        condition=gives_means,
                    ),
                    Step(
                        slug="som-employment",
                        title=_("Your employment"),
                        form_class=EmploymentForm,
                        condition=gives_means,
                    ),
                    RepeatingStep(
                        slug="som-employers",
                        title=_("Your employers"),
                        form_class=EmployerForm,
                        condition=lambda a: employment_status(a) in (EMPLOYED, BOTH),
                        item_name=_("employer"),
                        item_name_plural=_("employers"),
                        min_items=1,
                        max_items=LIST_MAX,
                        item_title=lambda c: f"{c['employer']}: {c['job_title']}",
                    ),
                    Step(
                        slug="som-self-employment",
                        title=_("Your self-employment"),
                        form_class=SelfEmploymentForm,
                        condition=lambda a: employment_status(a) in (SELF_EMPLOYED, BOTH),
                    ),
                    Step(
                        slug="som-unemployment",
                        title=_("How long you have been unemployed"),
                        form_class=UnemploymentForm,
                        condition=lambda a: employment_status(a) == UNEMPLOYED,
                    ),
                    _list_step(
                        "som-debts",
                        _("Your other debts"),
                        DebtForm,
                        _("debt"),
                        _("debts"),
                        lambda c: f"{c['owed_to']}: {pence_format(c['total_pence'])}",
                        hint=_("Loans, credit cards and other money you owe (not priority debts)."),
                    ),
                    _list_step(
                        "som-court-orders",
                        _("Court orders against you"),
                        CourtOrderForm,
                        _("court order"),
                        _("court orders"),
                        lambda c: f"{c['claim_number']}: {pence_format(c['owed_pence'])}",
                        hint=_(
                            "Any county court judgment or other order to pay you are still paying."
                        ),
                    ),
                    Step(
                        slug="som-priority-debts",
                        title=_("Priority debts"),
                        hint=_(
                            "Arrears you pay each month on your home, Council Tax, energy, water "
                            "and maintenance. Leave blank any you do not have."
                        ),
                        form_class=PriorityDebtsForm,
                        summary=monthly_summary(PriorityDebtsForm),
                        condition=gives_means,
                    ),
                    Step(
                        slug="som-income",
                        title=_("Your monthly income"),
                        hint=_("What you get each month. Leave blank any you do not get."),
                        form_class=IncomeForm,
                        summary=monthly_summary(IncomeForm),
                        condition=gives_means,
                    ),
                    Step(
                        slug="som-expenses",
                        title=_("Your monthly expenses"),
                        hint=_("What you pay each month. Leave blank any you do not pay."),
                        form_class=ExpensesForm,
                        summary=monthly_summary(ExpensesForm),
                        condition=gives_means,
                    ),
                    Step(
                        slug="som-explanation",
                        title=_("Why you need time to pay"),
                        form_class=ExplanationForm,
                        condition=gives_means,
                    ),
                ],
            ),
            Section(
                slug="timeline-and-evidence",
                title=_("Your timeline and evidence"),
                hint=_("Only if you dispute some of the claim"),
                steps=[
                    RepeatingStep(
                        slug="timeline",
                        title=_("What happened, and when"),
                        hint=_("Add each event, in the order it happened, as you see it."),
                        form_class=TimelineEventForm,
                        condition=disputes,
                        item_name=_("event"),
                        item_name_plural=_("events"),
                        min_items=0,
                        max_items=TIMELINE_EVENTS_MAX,
                        item_title=lambda c: f"{c['when']}: {c['what']}",
                    ),
                    RepeatingStep(
                        slug="evidence",
                        title=_("Your evidence"),
                        hint=_("List the evidence you have. You do not send it now."),
                        form_class=EvidenceForm,
                        condition=disputes,
                        item_name=_("piece of evidence"),
                        item_name_plural=_("pieces of evidence"),
                        min_items=0,
                        max_items=EVIDENCE_ITEMS_MAX,
                        item_title=lambda c: EvidenceType(c["evidence_type"]).label,
                    ),
                ],
            ),
            Section(
                slug="free-mediation",
                title=_("Free mediation"),
                hint=_("Only if you dispute some of the claim"),
                steps=[
                    Step(
                        slug="mediation",
                        title=_("Free mediation"),
                        form_class=MediationForm,
                        condition=disputes,
                    ),
                ],
            ),
            Section(
                slug="hearing-requirements",
                title=_("Your hearing requirements"),
                hint=_("Only if you dispute some of the claim"),
                steps=[
                    Step(
                        slug="dq-court",
                        title=_("Where the hearing is"),
                        form_class=HearingCourtForm,
                        condition=disputes,
                    ),
                    Step(
                        slug="dq-experts",
                        title=_("Experts"),
                        form_class=ExpertsForm,
                        condition=disputes,
                    ),
                    Step(
                        slug="dq-witnesses",
                        title=_("Witnesses"),
                        form_class=WitnessesForm,
                        condition=disputes,
                    ),
                    Step(
                        slug="dq-vulnerability",
                        title=_("Support you need at a hearing"),
                        form_class=VulnerabilityForm,
                        condition=disputes,
                    ),
                    RepeatingStep(
                        slug="dq-unavailable-dates",
                        title=_("Dates you cannot go to a hearing"),
                        hint=_("In the next 12 months. Add none if you can go on any day."),
                        form_class=UnavailableDateForm,
                        condition=disputes,
                        item_name=_("date"),
                        item_name_plural=_("dates"),
                        min_items=0,
                        max_items=LIST_MAX,
                    ),
                ],
            ),
            Section(
                slug="statement-of-truth",
                title=_("Statement of truth"),
                steps=[
                    Step(
                        slug="statement-of-truth",
                        title=_("Statement of truth"),
                        form_class=ResponseStatementOfTruthForm,
                        form_kwargs=claim_kwargs,
                        template_name="civil_claims/journey_statement_of_truth.html",
                    ),
                ],
            ),
        ],
    )
)


# Only the claim's linked defendant, while it takes a response ----------------------------------


def _responding_to(request, journey) -> tuple[str, bool]:
    """The claim reference the viewer's response is for, and whether the draft holds it."""
    draft = draft_for_request(request, journey=journey, owner=owner_for_request(request))
    stored = draft.answers.get(DRAFT_KEY) if draft is not None else None
    if isinstance(stored, str) and stored:
        return stored, True
    return str(request.session.get(SESSION_KEY) or ""), False


def defendant_responding(view):
    """Wrap one of the journey engine's views: the viewer must be the linked defendant of
    the claim their response is for, and it must still take a response."""
    from ..selectors_defendant import defendant_claim_responding
    from ..services.response import claim_response_refusal

    @functools.wraps(view)
    def wrapped(request, *args, journey, **kwargs):
        if case_owner_for_request(request) is None:
            return redirect("civil_claims:respond-start")
        reference, in_draft = _responding_to(request, journey)
        claim = (
            defendant_claim_responding(reference=reference, request=request) if reference else None
        )
        if claim is None:
            return redirect("civil_claims:respond-start")
        if claim_response_refusal(claim):
            return redirect("civil_claims:respond-claim", claim.reference)
        token = claim_facts_set(facts_for(claim))
        try:
            response = view(request, *args, journey=journey, **kwargs)
        finally:
            claim_facts_reset(token)
        if request.method == "POST" and not in_draft:
            # The first answer made the draft: the claim goes with it.
            draft_note_save(
                journey=journey, owner=owner_for_request(request), key=DRAFT_KEY, value=reference
            )
        return response

    return wrapped


def signed_in_only(view):
    """Wrap the journey's cancel page: deleting one's own answers is always allowed, even to
    a response whose claim no longer takes one (so it cannot block another claim's)."""

    @functools.wraps(view)
    def wrapped(request, *args, journey, **kwargs):
        if case_owner_for_request(request) is None:
            return redirect("civil_claims:respond-start")
        return view(request, *args, journey=journey, **kwargs)

    return wrapped


def response_urlpatterns(patterns: list) -> list:
    """``journey_urlpatterns(RESPONSE)``, every page behind ``defendant_responding`` but
    cancelling (``signed_in_only``)."""
    for pattern in patterns:
        wrap = signed_in_only if pattern.name == f"{RESPONSE.slug}-cancel" else defendant_responding
        pattern.callback = wrap(pattern.callback)
    return patterns
