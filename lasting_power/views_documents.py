"""The LPA's documents: the page that lists them (and asks for them to be made), and
downloading one. Only the LPA's owner, or an agent in an assisted session with them,
gets past ``lpa_view`` (404 for anyone else); a document is served only if it is one
of this LPA's, so a document id alone opens nothing."""

from __future__ import annotations

import uuid

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from digital_services.documents.http import document_response

from .documents import (
    DocumentsNotAvailable,
    document_for_lpa,
    lpa_documents_current,
    lpa_documents_request,
    lpa_documents_requested,
)
from .journeys import lpa_flow
from .views.common import lpa_view, url


def _describe(document, lpa) -> str:
    """What a stored file is, in words, from its name (LP1F-…, LP3-person-to-notify-2-…)."""
    name = document.filename
    if name.startswith("LP3-person-to-notify-"):
        number = name.removeprefix("LP3-person-to-notify-").split("-", 1)[0]
        return gettext("LP3: notice to person to notify %(number)s") % {"number": number}
    if name.startswith("LPA120-"):
        return gettext("LPA120: application for a fee reduction")
    form = name.split("-", 1)[0]
    if name.endswith("-registered.pdf"):
        return gettext("%(form)s: the registered lasting power of attorney (stamped by OPG)") % {
            "form": form
        }
    if not lpa.is_locked:
        return gettext("%(form)s: the lasting power of attorney (draft to check, do not sign)") % {
            "form": form
        }
    return gettext("%(form)s: the lasting power of attorney (to print and sign)") % {"form": form}


@lpa_view(editable=False)
def lpa_documents(request, lpa):
    """The documents there are now; "being made" while the task works; otherwise a
    button that asks for them (a GET never makes anything)."""
    created = lpa.is_locked or lpa_flow(lpa).is_created
    documents = lpa_documents_current(lpa=lpa) if created else []
    return render(
        request,
        "lasting_power/documents.html",
        {
            "page_title": gettext("Your LPA documents"),
            "lpa": lpa,
            "created": created,
            "documents": [(document, _describe(document, lpa)) for document in documents],
            "being_made": created and not documents and lpa_documents_requested(lpa=lpa),
        },
    )


@require_POST
@lpa_view(editable=False)
def lpa_documents_make(request, lpa):
    try:
        lpa_documents_request(lpa=lpa)
    except DocumentsNotAvailable:
        pass  # the page says what to answer first
    return redirect(url("lpa-documents", lpa.pk))


@lpa_view(editable=False)
def lpa_document_download(request, lpa, document_id: uuid.UUID):
    document = document_for_lpa(lpa=lpa, public_id=document_id)
    if document is None:
        raise Http404("No such document")
    try:
        return document_response(document=document)
    except FileNotFoundError:
        raise Http404("The file is missing") from None
