"""Making an LPA's documents and keeping them in the platform's document store.

What is made follows the domain notes (section 3):

- the LP1 for the LPA's type, once the LPA is "created" (every question up to
  preferences and instructions answered); with the DRAFT watermark until it is
  completed, and the continuation sheets it needs;
- once completed: an LP3 for each person to notify, and the LPA120 when a fee
  reduction was asked for.

They are drawn in the LPA's language (``Lpa.language``, the language of the pages it was
made in), whoever asks and whatever the page's language: every heading, label, fixed
sentence and date, and the answers' words (its type, the fee's reason) [issue #20].

The PDFs are drawn by a Celery task (``tasks.lpa_documents_generate_task``, which
takes the LPA's id only) because a long LPA takes a few seconds to draw. The set is
replaced as a whole: the old files go when the new ones are stored. A set is
"current" when every file is newer than the LPA's last change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import override

from digital_services.core.references import reference_plain
from digital_services.documents.constants import DocumentKind
from digital_services.documents.models import Document
from digital_services.documents.selectors import document_list_about
from digital_services.documents.services import document_delete, document_store

from ..models import Lpa
from .lp1 import lp1_form_name, lp1_pdf
from .lp3 import lp3_pdf
from .lpa120 import lpa120_pdf
from .paperwork import FeeReductionAnswers, Paperwork

logger = logging.getLogger(__name__)

KIND = DocumentKind.LPA_FORM
PDF = "application/pdf"
#: How long "your documents are being made" is shown after asking, in seconds.
REQUESTED_SECONDS = 10 * 60


class DocumentsNotAvailable(Exception):
    """The LPA is not created yet: there is nothing to print."""


def lpa_documents_language(lpa: Lpa) -> str:
    """The language the LPA's forms are drawn in: "cy" or "en"."""
    return "cy" if lpa.language == "cy" else "en"


def paperwork_for(lpa: Lpa) -> Paperwork:
    """What the forms print about ``lpa``: its valid answers, fee and payment, with the
    words of the fee's reason in the forms' language."""
    from ..selectors import lpa_details
    from ..services import lpa_fee_outcome

    language = lpa_documents_language(lpa)
    with override(language):
        return Paperwork(
            details=lpa_details(lpa),
            completed=lpa.is_locked,
            fee=lpa_fee_outcome(lpa),
            payment_method=lpa.payment_method,
            fee_reduction=FeeReductionAnswers.from_answers(lpa.fee_reduction),
            language=language,
        )


@dataclass(frozen=True)
class MadeDocument:
    filename: str
    content: bytes


def documents_build(paperwork: Paperwork) -> list[MadeDocument]:
    """Every PDF this LPA has now, drawn (no storage), in ``paperwork.language`` whatever
    the active language (docs/welsh.md). The file names stay English: they are keys."""
    details = paperwork.details
    reference = reference_plain(details.reference)
    made = [
        MadeDocument(
            f"{lp1_form_name(details.lpa_type)}-{reference}"
            f"{'' if paperwork.completed else '-draft'}.pdf",
            lp1_pdf(paperwork),
        )
    ]
    if not paperwork.completed:
        return made
    for person in details.people_to_notify:
        made.append(
            MadeDocument(
                f"LP3-person-to-notify-{person.key}-{reference}.pdf",
                lp3_pdf(paperwork, person_key=person.key),
            )
        )
    if paperwork.fee_reduction is not None:
        made.append(MadeDocument(f"LPA120-{reference}.pdf", lpa120_pdf(paperwork)))
    return made


def _requested_key(lpa_id: int) -> str:
    return f"lasting_power:documents-requested:{lpa_id}"


def lpa_documents_generate(*, lpa_id: int) -> list[Document]:
    """Draw and store the LPA's documents, replacing any older set; return the new set
    (empty when the LPA is gone). Raises ``DocumentsNotAvailable`` before "created"."""
    from ..journeys import lpa_flow

    with transaction.atomic():
        lpa = Lpa.objects.select_for_update().filter(pk=lpa_id).first()
        if lpa is None:
            return []
        if not lpa.is_locked and not lpa_flow(lpa).is_created:
            raise DocumentsNotAvailable(f"LPA {lpa.pk} is not created yet")
        # The registered PDF (documents.registered) is OPG's stamp: a new set keeps it.
        old = list(
            document_list_about(case=lpa, kind=KIND).exclude(filename__endswith="-registered.pdf")
        )
        stored = [
            document_store(
                content=made.content,
                kind=KIND,
                content_type=PDF,
                filename=made.filename,
                owner=lpa.user,
                case=lpa,
            )
            for made in documents_build(paperwork_for(lpa))
        ]
        for document in old:
            document_delete(document=document)
    cache.delete(_requested_key(lpa_id))
    return stored


def lpa_documents_request(*, lpa: Lpa) -> None:
    """Ask for the documents to be made, after the current transaction commits.
    Raises ``DocumentsNotAvailable`` before the LPA is created."""
    from ..journeys import lpa_flow
    from ..tasks import lpa_documents_generate_task

    if not lpa.is_locked and not lpa_flow(lpa).is_created:
        raise DocumentsNotAvailable(f"LPA {lpa.pk} is not created yet")
    cache.set(_requested_key(lpa.pk), True, REQUESTED_SECONDS)
    transaction.on_commit(lambda pk=lpa.pk: lpa_documents_generate_task.delay(pk))


def lpa_documents_requested(*, lpa: Lpa) -> bool:
    """True while a request is being worked on (for "being made" on the page)."""
    return bool(cache.get(_requested_key(lpa.pk)))


def lpa_documents_current(*, lpa: Lpa) -> list[Document]:
    """The stored set if it is newer than the LPA's last change, else an empty list. A
    completed LPA's answers last changed when it was completed (OPG's status changes
    after that do not touch its forms)."""
    documents = list(document_list_about(case=lpa, kind=KIND).order_by("filename"))
    changed = lpa.completed_at if lpa.is_locked and lpa.completed_at else lpa.updated_at
    if not documents or any(d.created_at < changed for d in documents):
        return []
    return documents


def document_for_lpa(*, lpa: Lpa, public_id) -> Document | None:
    """One of the LPA's stored documents, by its public id (None if not this LPA's)."""
    return document_list_about(case=lpa, kind=KIND).filter(public_id=public_id).first()
