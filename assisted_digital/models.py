from django.db import models


class AssistedDigitalPermissions(models.Model):
    """Holds the permissions of the assisted-digital role (no table of its own)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("act_on_behalf", "Can help a citizen and act on their behalf")]
