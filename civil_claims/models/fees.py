"""The court's issue fee bands, held as dated data (never as literals in code)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format


class IssueFeeBand(models.Model):
    """One band of the money-claim issue fee, in force from ``valid_from`` to ``valid_to``
    (inclusive; empty: no end yet).

    A claim (amount plus interest to date) of ``lower_pence`` up to ``upper_pence``
    (both inclusive; no upper edge for the top band) pays either the fixed
    ``fee_pence`` or ``percent_basis_points`` of the claim (500 = 5%), rounded down to
    the penny. Edges are whole pence exactly as the Civil Proceedings Fees Order gives
    them, so £300.00 and £300.01 fall in different bands. A claim keeps the fee it was
    charged: a later change to this table never changes an issued claim.
    """

    valid_from = models.DateField()
    valid_to = models.DateField(
        null=True, blank=True, help_text="The last day this band is in force. Empty: no end yet."
    )
    lower_pence = models.PositiveIntegerField("from", help_text="The lowest claim in this band.")
    upper_pence = models.PositiveBigIntegerField(
        "up to",
        null=True,
        blank=True,
        help_text="The highest claim in this band. Empty: no upper limit.",
    )
    fee_pence = models.PositiveIntegerField(
        "fixed fee", null=True, blank=True, help_text="Empty when the fee is a percentage."
    )
    percent_basis_points = models.PositiveIntegerField(
        "percentage (basis points)",
        null=True,
        blank=True,
        help_text="500 means 5% of the claim, rounded down to the penny.",
    )
    code = models.CharField(max_length=10, blank=True, help_text="The fees register code.")
    notes = models.CharField(max_length=200, blank=True, help_text="Where the figure comes from.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-valid_from", "lower_pence"]
        verbose_name = "issue fee band"
        constraints = [
            models.CheckConstraint(
                condition=(Q(fee_pence__isnull=False) & Q(percent_basis_points__isnull=True))
                | (Q(fee_pence__isnull=True) & Q(percent_basis_points__isnull=False)),
                name="civil_claims_feeband_fixed_or_percent",
                violation_error_message="Give either a fixed fee or a percentage, not both",
            ),
            models.CheckConstraint(
                condition=Q(upper_pence__isnull=True) | Q(upper_pence__gte=models.F("lower_pence")),
                name="civil_claims_feeband_edges_forwards",
                violation_error_message="The top of the band must be at least its bottom",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="civil_claims_feeband_period_forwards",
                violation_error_message="The end date must be the same as or after the start date",
            ),
        ]

    def __str__(self):
        top = pence_format(self.upper_pence) if self.upper_pence is not None else "no limit"
        return f"{pence_format(self.lower_pence)} to {top} from {date_format(self.valid_from)}"

    def fee_for(self, amount_pence: int) -> int:
        """The fee this band charges on ``amount_pence`` (a percentage rounds down)."""
        if self.fee_pence is not None:
            return self.fee_pence
        return amount_pence * self.percent_basis_points // 10_000

    def clean(self):
        if self.fee_pence is None and self.percent_basis_points is None:
            raise ValidationError({"fee_pence": "Enter a fixed fee or a percentage"})
        if self.fee_pence is not None and self.percent_basis_points is not None:
            raise ValidationError(
                {"fee_pence": "Give either a fixed fee or a percentage, not both"}
            )
        if self.valid_from is None or self.lower_pence is None:
            return
        clash = (
            IssueFeeBand.objects.filter(
                Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from),
                Q(upper_pence__isnull=True) | Q(upper_pence__gte=self.lower_pence),
            )
            .exclude(pk=self.pk)
            .filter(**({"valid_from__lte": self.valid_to} if self.valid_to else {}))
        )
        if self.upper_pence is not None:
            clash = clash.filter(lower_pence__lte=self.upper_pence)
        other = clash.first()
        if other is not None:
            raise ValidationError(
                {
                    "lower_pence": f"This band overlaps another in force at the same time: {other}. "
                    "End that one the day before this starts."
                }
            )
