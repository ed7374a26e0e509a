"""The LPA's printable documents (LP1F/LP1H with continuation sheets, LP3, LPA120),
drawn with reportlab from our own layouts and kept in the platform document store."""

from .generate import (
    DocumentsNotAvailable,
    document_for_lpa,
    documents_build,
    lpa_documents_current,
    lpa_documents_generate,
    lpa_documents_request,
    lpa_documents_requested,
    paperwork_for,
)
from .paperwork import FeeReductionAnswers, Paperwork

__all__ = [
    "DocumentsNotAvailable",
    "FeeReductionAnswers",
    "Paperwork",
    "document_for_lpa",
    "documents_build",
    "lpa_documents_current",
    "lpa_documents_generate",
    "lpa_documents_request",
    "lpa_documents_requested",
    "paperwork_for",
]
