"""The landlord's possession claim: a task list for the journey engine (save and return).

The property and its country come first, because the country decides the claimant
types, the tenancy or occupation contract types, the grounds and the notice types
offered (``civil_claims.possession_rules``). The daily rent is worked out from the rent
and shown to confirm or correct; each chosen ground gets its own reason; an arrears
ground brings in the rent statement (add another, with its running total) and the
arrears questions. The contact step and the statement of truth are the money claims'.
Sending it (``possession_submit.possession_submit_from_journey``) records the claim.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.journeys.contact import contact_step
from digital_services.journeys.definitions import (
    Answers,
    Journey,
    RepeatingStep,
    Section,
    Step,
    journey_register,
)

from ..constants import PartyType
from ..possession_constants import ARREARS_ROWS_MAX, POSSESSION_DEFENDANTS_MAX
from ..possession_rules import (
    ArrearsRow,
    ClaimantType,
    Country,
    Ground,
    arrears_grounds_chosen,
    arrears_statement,
    arrears_total_pence,
    daily_rent_pence,
    grounds_for,
)
from .claim import SERVICE
from .forms import HwfReferenceForm, StatementOfTruthForm
from .parties import ClaimContactForm
from .possession_forms import (
    ClaimantForm,
    ClaimantTypeForm,
    DailyRentForm,
    DefendantForm,
    DocumentForm,
    GroundReasonsForm,
    GroundsForm,
    PropertyForm,
    TenancyForm,
)
from .possession_forms_more import (
    ArrearsDetailsForm,
    ArrearsRowForm,
    CertificatesForm,
    CircumstancesForm,
    NoticeForm,
    NoticeServiceForm,
    PossessionFeeForm,
    PreActionForm,
)
from .possession_trespass import (
    TrespassersForm,
    TrespassForm,
    against_trespassers,
    not_trespass,
)


def country(answers: Answers) -> str | None:
    return answers.value("property", "country")


def _tenancy(answers: Answers) -> str | None:
    return answers.value("tenancy", "tenancy_type")


def available_grounds(answers: Answers) -> tuple[Ground, ...]:
    """The grounds for the tenancy type and country answered (none until both are)."""
    try:
        return grounds_for(country(answers), _tenancy(answers))
    except ValueError:
        return ()


def chosen_grounds(answers: Answers) -> tuple[Ground, ...]:
    codes = set(answers.value("grounds", "grounds") or ())
    return tuple(g for g in available_grounds(answers) if g.code in codes)


def arrears_chosen(answers: Answers) -> bool:
    """Whether a rent-arrears ground was chosen: the arrears pages apply."""
    codes = answers.value("grounds", "grounds") or ()
    try:
        return arrears_grounds_chosen(country(answers), _tenancy(answers), codes)
    except ValueError:
        return False


def calculated_daily_rent(answers: Answers) -> int | None:
    tenancy = answers.value("tenancy") or {}
    if tenancy.get("rent_pence") is None or not tenancy.get("frequency"):
        return None
    return daily_rent_pence(tenancy["rent_pence"], tenancy["frequency"])


def arrears_rows(items: list[dict]) -> list[ArrearsRow]:
    return [
        ArrearsRow(
            due_on=item["due_on"],
            due_pence=item["due_pence"],
            paid_pence=item.get("paid_pence") or 0,
            paid_on=item.get("paid_on"),
        )
        for item in items
        if item.get("due_on") and item.get("due_pence") is not None
    ]


def _arrears_summary(items: list[dict]) -> list[tuple[str, str]]:
    """The running total after each row (in due-date order) and the total arrears."""
    rows = [
        (
            gettext("Arrears after %(date)s") % {"date": date_format(line.row.due_on)},
            pence_format(line.running_total_pence),
        )
        for line in arrears_statement(arrears_rows(items))
    ]
    rows.append((gettext("Total arrears"), pence_format(arrears_total_pence(arrears_rows(items)))))
    return rows


def _arrears_item_title(cleaned: dict) -> str:
    paid = cleaned.get("paid_pence") or 0
    return gettext("%(date)s: %(due)s due, %(paid)s paid") % {
        "date": date_format(cleaned["due_on"]),
        "due": pence_format(cleaned["due_pence"]),
        "paid": pence_format(paid),
    }


def _fee_pence() -> int | None:
    from ..possession_fees import PossessionFeeNotFound, possession_fee_for

    try:
        return possession_fee_for("claim", on=timezone.localdate()).fee_pence
    except PossessionFeeNotFound:
        return None


def _sot_party_type(answers: Answers) -> str:
    """A private landlord signs as a person; an organisation's signer gives name and role."""
    kind = answers.value("claimant-type", "claimant_type")
    return PartyType.INDIVIDUAL if kind == ClaimantType.PRIVATE_LANDLORD else PartyType.ORGANISATION


def _grounds_summary(cleaned: dict) -> list[tuple[str, str]]:
    return [(_("Grounds"), ", ".join(cleaned.get("grounds") or ()))]


def check_summary(answers: Answers) -> tuple[str, list[tuple[str, str]]] | None:
    """The figures of the claim on the check page, worked out again on every visit."""
    rows = []
    tenancy = answers.value("tenancy") or {}
    if tenancy.get("rent_pence") is not None:
        rows.append((_("Rent"), pence_format(tenancy["rent_pence"])))
    daily = answers.value("daily-rent", "daily_rent_pence")
    if daily is not None:
        rows.append((_("Daily rent"), pence_format(daily)))
    if arrears_chosen(answers):
        items = answers.value("arrears") or []
        rows.append((_("Total arrears"), pence_format(arrears_total_pence(arrears_rows(items)))))
    fee = _fee_pence()
    if fee is not None:
        rows.append((_("Court fee"), pence_format(fee)))
    return (_("Your claim’s figures"), rows) if rows else None


def _possession_submit(**kwargs) -> str:
    from .possession_submit import possession_submit_from_journey

    return possession_submit_from_journey(**kwargs)


def _served(answers: Answers) -> bool:
    return answers.value("notice", "served") == "yes"


POSSESSION = journey_register(
    Journey(
        service=SERVICE,
        slug="possession",
        title=_("Make a possession claim"),
        submit=_possession_submit,
        check_title=_("Check your answers before you send your claim"),
        submit_label=_("Send my claim"),
        check_summary=check_summary,
        sections=[
            Section(
                slug="property",
                title=_("The property"),
                hint=_("Its address, and whether it is in England or Wales"),
                steps=[
                    Step(slug="property", title=_("The property"), form_class=PropertyForm),
                    Step(slug="trespassers", title=_("Trespassers"), form_class=TrespassersForm),
                ],
            ),
            Section(
                slug="claimant",
                title=_("Your details"),
                steps=[
                    Step(
                        slug="claimant-type",
                        title=_("Who is making the claim?"),
                        form_class=ClaimantTypeForm,
                        form_kwargs=lambda a: {"country": country(a)},
                    ),
                    Step(
                        slug="claimant", title=_("The claimant’s details"), form_class=ClaimantForm
                    ),
                    contact_step(slug="contact", form_class=ClaimContactForm),
                ],
            ),
            Section(
                slug="defendants",
                title=_("The defendants"),
                hint=_("Each tenant or occupier you are claiming against"),
                steps=[
                    RepeatingStep(
                        slug="defendants",
                        title=_("The defendants"),
                        form_class=DefendantForm,
                        item_name=_("defendant"),
                        item_name_plural=_("defendants"),
                        min_items=1,
                        max_items=POSSESSION_DEFENDANTS_MAX,
                        item_title=lambda c: c["name"],
                    ),
                ],
            ),
            Section(
                slug="tenancy",
                title=_("The tenancy"),
                hint=_("Its type, start date and rent"),
                steps=[
                    Step(
                        slug="tenancy",
                        title=_("The tenancy"),
                        form_class=TenancyForm,
                        form_kwargs=lambda a: {"country": country(a)},
                        condition=not_trespass,
                    ),
                    Step(
                        slug="daily-rent",
                        title=_("The daily rent"),
                        form_class=DailyRentForm,
                        form_kwargs=lambda a: {"calculated_pence": calculated_daily_rent(a)},
                        condition=not_trespass,
                    ),
                    Step(
                        slug="tenancy-agreement",
                        title=_("The tenancy agreement"),
                        form_class=DocumentForm,
                        form_kwargs=lambda a: {"what": "the tenancy agreement"},
                        condition=not_trespass,
                    ),
                ],
            ),
            Section(
                slug="grounds",
                title=_("Grounds for possession"),
                hint=_("Why you are claiming possession, with a reason for each ground"),
                steps=[
                    Step(
                        slug="grounds",
                        title=_("Grounds for possession"),
                        form_class=GroundsForm,
                        form_kwargs=lambda a: {"grounds": available_grounds(a)},
                        condition=not_trespass,
                    ),
                    Step(
                        slug="ground-reasons",
                        title=_("Your reasons for each ground"),
                        form_class=GroundReasonsForm,
                        form_kwargs=lambda a: {"grounds": chosen_grounds(a)},
                        condition=not_trespass,
                    ),
                ],
            ),
            Section(
                slug="notice",
                title=_("The notice"),
                steps=[
                    Step(
                        slug="notice",
                        title=_("The notice you served"),
                        form_class=NoticeForm,
                        form_kwargs=lambda a: {"country": country(a)},
                        condition=not_trespass,
                    ),
                    Step(
                        slug="notice-service",
                        title=_("How and when you served the notice"),
                        form_class=NoticeServiceForm,
                        condition=_served,
                    ),
                    Step(
                        slug="notice-copy",
                        title=_("A copy of the notice"),
                        form_class=DocumentForm,
                        form_kwargs=lambda a: {"what": "the notice"},
                        condition=_served,
                    ),
                ],
            ),
            Section(
                slug="arrears",
                title=_("Rent arrears"),
                hint=_("Only if you are claiming on a rent arrears ground"),
                steps=[
                    RepeatingStep(
                        slug="arrears",
                        title=_("The rent statement"),
                        hint=_(
                            "Add each rent payment due, from the first missed payment (or "
                            "from 2 years ago if that was earlier), with what was paid."
                        ),
                        form_class=ArrearsRowForm,
                        item_name=_("row"),
                        item_name_plural=_("rows"),
                        min_items=1,
                        max_items=ARREARS_ROWS_MAX,
                        item_title=_arrears_item_title,
                        list_summary=_arrears_summary,
                        condition=arrears_chosen,
                    ),
                    Step(
                        slug="arrears-details",
                        title=_("Recovering the arrears"),
                        form_class=ArrearsDetailsForm,
                        condition=arrears_chosen,
                    ),
                    Step(
                        slug="rent-statement",
                        title=_("A copy of the rent statement"),
                        form_class=DocumentForm,
                        form_kwargs=lambda a: {"what": "the rent statement"},
                        condition=arrears_chosen,
                    ),
                ],
            ),
            Section(
                slug="about-the-claim",
                title=_("About the claim"),
                hint=_("The pre-action protocol, circumstances, other occupiers and certificates"),
                steps=[
                    Step(
                        slug="pre-action",
                        title=_("The pre-action protocol"),
                        form_class=PreActionForm,
                        condition=not_trespass,
                    ),
                    Step(
                        slug="circumstances",
                        title=_("Circumstances and alternatives"),
                        form_class=CircumstancesForm,
                        condition=not_trespass,
                    ),
                    Step(
                        slug="certificates",
                        title=_("Safety certificates"),
                        form_class=CertificatesForm,
                        condition=not_trespass,
                    ),
                ],
            ),
            Section(
                slug="trespass",
                title=_("The trespassers"),
                hint=_("Only if your claim is against trespassers"),
                steps=[
                    Step(
                        slug="trespass",
                        title=_("About the trespassers"),
                        form_class=TrespassForm,
                        condition=against_trespassers,
                    ),
                ],
            ),
            Section(
                slug="fee",
                title=_("The court fee"),
                steps=[
                    Step(
                        slug="fee",
                        title=_("The court fee"),
                        form_class=PossessionFeeForm,
                        form_kwargs=lambda a: {"fee_pence": _fee_pence()},
                    ),
                    Step(
                        slug="hwf-reference",
                        title=_("Your Help with Fees reference"),
                        form_class=HwfReferenceForm,
                        condition=lambda a: a.value("fee", "how") == "hwf",
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
                        form_class=StatementOfTruthForm,
                        form_kwargs=lambda a: {"party_type": _sot_party_type(a)},
                        template_name="civil_claims/journey_statement_of_truth.html",
                    ),
                ],
            ),
        ],
    )
)

__all__ = ["POSSESSION", "Country", "arrears_chosen", "available_grounds", "chosen_grounds"]
