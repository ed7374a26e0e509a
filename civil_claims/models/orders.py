"""Directions orders on a defended claim: what a legal adviser or judge ordered, recorded by a
caseworker, and any request that a judge reconsider a legal adviser's order.

The claim's own ``status`` carries where it stands (``order_drawn``,
``reconsideration_requested``, ``approved``, ``ready_for_transfer``); an order row keeps
its wording and who did what when. An order may first be drafted and sent to a judge or a
legal adviser to review (``order_for_judge_review`` / ``order_for_la_review``): the row keeps
the wording as drafted and who drafted it; ``made_by`` is the reviewer, who makes the order
when they approve it (``drawn_at`` is then the day it was approved and sent). A judge's new order on reconsideration is a new row
(``replaces`` the one reconsidered), so every order sent stays on file.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone

from ..constants import (
    ORDER_TEXT_MAX_LENGTH,
    RECONSIDERATION_DAYS,
    OrderMadeBy,
    OrderReviewResult,
    PartyRole,
    ReconsiderationResult,
)
from .claims import Claim

USER = settings.AUTH_USER_MODEL


class DirectionsOrder(models.Model):
    """One order drawn on a claim and sent to both parties."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="orders")
    made_by = models.CharField(max_length=15, choices=OrderMadeBy.choices)
    text = models.TextField(
        "wording of the order", validators=[MaxLengthValidator(ORDER_TEXT_MAX_LENGTH)]
    )
    replaces = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The legal adviser's order this judge's order replaced on reconsideration.",
    )
    drawn_at = models.DateTimeField(default=timezone.now)
    drawn_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A draft sent for review before it is drawn (blank for an order drawn at once).
    draft_text = models.TextField(
        "wording as drafted", blank=True, validators=[MaxLengthValidator(ORDER_TEXT_MAX_LENGTH)]
    )
    drafted_at = models.DateTimeField(null=True, blank=True)
    drafted_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    review_result = models.CharField(max_length=10, choices=OrderReviewResult.choices, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    return_reason = models.TextField("why it was sent back", blank=True)
    # A party asks a judge to reconsider a legal adviser's order (within RECONSIDERATION_DAYS).
    reconsideration_requested_at = models.DateTimeField(null=True, blank=True)
    reconsideration_requested_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reconsideration_party = models.CharField(
        "asked for by", max_length=10, choices=PartyRole.choices, blank=True
    )
    reconsideration_reason = models.TextField(blank=True)
    reconsideration_result = models.CharField(
        max_length=10, choices=ReconsiderationResult.choices, blank=True
    )
    reconsidered_at = models.DateTimeField(null=True, blank=True)
    reconsidered_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["drawn_at", "id"]
        verbose_name = "directions order"

    def __str__(self):
        return f"Order of {self.drawn_at:%d %b %Y} ({self.get_made_by_display().lower()})"

    @property
    def drawn_on(self) -> dt.date:
        return timezone.localtime(self.drawn_at).date()

    @property
    def is_draft(self) -> bool:
        """Drafted and still waiting for its review (never sent to the parties)."""
        return self.drafted_at is not None and not self.review_result

    @property
    def reconsider_by(self) -> dt.date | None:
        """The last day a party may ask a judge to reconsider it (a legal adviser's only)."""
        if self.made_by != OrderMadeBy.LEGAL_ADVISER:
            return None
        return self.drawn_on + dt.timedelta(days=RECONSIDERATION_DAYS)
