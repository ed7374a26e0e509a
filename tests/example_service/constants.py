from django.db import models

SERVICE_SLUG = "example-licence"
CASEWORKER_ROLE = "example_service caseworker"
#: Citizen references: no look-alike characters (0/O, 1/I, 2/Z, 5/S).
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXY346789"
REFERENCE_LENGTH = 8


class LicenceStatus(models.TextChoices):
    SUBMITTED = "submitted", "Sent"
    GRANTED = "granted", "Granted"
    REFUSED = "refused", "Refused"


#: The moves an application may make, by the status it leaves (core.transitions).
TRANSITIONS = {
    LicenceStatus.SUBMITTED: (LicenceStatus.GRANTED, LicenceStatus.REFUSED),
    LicenceStatus.GRANTED: (),
    LicenceStatus.REFUSED: (),
}
