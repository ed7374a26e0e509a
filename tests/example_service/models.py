from django.conf import settings
from django.db import models

from .constants import TRANSITIONS, LicenceStatus


class LicenceApplication(models.Model):
    """What the example service keeps when someone sends its journey."""

    TRANSITIONS = TRANSITIONS

    reference = models.CharField(max_length=12, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    full_name = models.CharField(max_length=100)
    activity = models.CharField(max_length=200)
    status = models.CharField(
        max_length=20, choices=LicenceStatus.choices, default=LicenceStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        permissions = [("decide_licenceapplication", "Can grant or refuse a licence application")]

    def __str__(self):
        return self.reference
