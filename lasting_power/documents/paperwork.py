"""Everything the generated forms print about one LPA, gathered once.

The drawing modules take a ``Paperwork`` and never read the database, so each form
can be drawn (and tested) from plain values. ``paperwork_for`` builds one from an
``Lpa`` row: its answers through ``selectors.lpa_details``, and its fee.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..details import LpaDetails
from ..fees import FeeOutcome, FeeReduction, fee_reduction_decide


@dataclass(frozen=True)
class FeeReductionAnswers:
    """The fee reduction page's answers, as the LPA120 ticks them."""

    benefits: tuple[str, ...] = ()
    damages_over_limit: bool = False
    income_under_limit: bool = False

    @property
    def reduction(self) -> str:
        return fee_reduction_decide(
            benefits=self.benefits,
            damages_over_limit=self.damages_over_limit,
            income_under_limit=self.income_under_limit,
        )

    @classmethod
    def from_answers(cls, answers: dict | None) -> FeeReductionAnswers | None:
        """From ``Lpa.fee_reduction`` (keys named as ``fee_reduction_decide``'s
        arguments); None when no reduction was asked for."""
        if not answers:
            return None
        benefits = answers.get("benefits") or ()
        if isinstance(benefits, str):
            benefits = (benefits,)
        made = cls(
            benefits=tuple(b for b in benefits if b),
            damages_over_limit=_yes(answers.get("damages_over_limit")),
            income_under_limit=_yes(answers.get("income_under_limit")),
        )
        return None if made.reduction == FeeReduction.NONE else made


def _yes(value) -> bool:
    return value in (True, "yes", "true", "on")


@dataclass(frozen=True)
class Paperwork:
    details: LpaDetails
    completed: bool
    fee: FeeOutcome | None = None
    payment_method: str = ""
    fee_reduction: FeeReductionAnswers | None = None
    #: The language the forms are drawn in: the LPA's (``Lpa.language``), "en" or "cy".
    language: str = "en"

    @property
    def applicants(self) -> list:
        """Who signs section 15: the donor, or the attorneys registering."""
        if self.details.registering == "donor":
            return [self.details.donor] if self.details.donor else []
        return list(self.details.registering_attorneys)


def names(people: Iterable) -> list[str]:
    return [person.name for person in people if person is not None]
