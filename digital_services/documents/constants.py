"""Names that other code, deployment and tests depend on: keep them stable."""

from django.db import models

#: The alias in settings.STORAGES that holds document bytes (local files now, S3 later).
STORAGE_ALIAS = "documents"


class DocumentKind(models.TextChoices):
    """What a stored file is. Part of its storage name, so never rename a value."""

    LETTER = "letter", "Letter"
    LETTER_BATCH = "letter_batch", "Letters to print"
    RECEIPT = "receipt", "Receipt"
    UPLOAD = "upload", "Uploaded file"
    CLAIM_FORM = "claim_form", "Claim form"
    LPA_FORM = "lpa_form", "Lasting power of attorney form"


#: The only media types we store, with the extension their storage name gets.
#: A type outside this list is refused: the view serves files with the stored type,
#: so accepting ``text/html`` would let an upload run script on our domain.
MEDIA_TYPE_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "text/csv": ".csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    # A print batch of letters, one PDF each (notifications.letters.letters_zip); made
    # by us, never uploaded, and served as a download.
    "application/zip": ".zip",
}

#: The longest file name offered to the browser when it downloads a document.
FILENAME_MAX_LENGTH = 150
