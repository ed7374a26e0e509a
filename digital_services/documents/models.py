"""One row per stored file: letters, receipts, forms and uploads of every service.

The bytes live in the "documents" storage (``settings.STORAGES``), never in the
database; the row says what the file is, whose it is, which case it belongs to,
how to check it (size and SHA-256) and when it must be deleted. Only
``services`` writes rows and files; only ``views.document_download`` and the
views that call ``http.document_response`` serve them, after an access check.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .constants import DocumentKind


class Document(models.Model):
    #: The id in URLs: random, so that one document's address says nothing about another's.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=30, choices=DocumentKind.choices, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text="The citizen the document is for, who may download it. Empty for staff-only files.",
    )
    # The case it belongs to, in any app (a fee, a visit, a letter batch...).
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64, blank=True)
    case = GenericForeignKey("content_type", "object_id")

    filename = models.CharField(max_length=150, help_text="The name offered on download.")
    media_type = models.CharField(max_length=100, help_text="The Content-Type it is served with.")
    size = models.PositiveBigIntegerField(help_text="In bytes.")
    sha256 = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=255, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    delete_after = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Deleted on the first night after this date. Empty: kept until its case is deleted.",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="documents_case_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.public_id}"
