"""The one address documents are downloaded from: /documents/<public id>/.

Its owner may download a document; so may staff with the permission for the case it
belongs to (after their second factor, as on every staff page). Anyone else signed in
gets 404, as if it did not exist; anyone not signed in is sent to sign in.
"""

from __future__ import annotations

import logging

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.accounts.constants import STAFF_SECOND_FACTOR_NEXT_SESSION_KEY
from digital_services.accounts.selectors import staff_second_factor_passed
from digital_services.audit.services import audit_record

from . import selectors
from .http import document_response

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def document_download(request, document_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    # The citizen's own, or the citizen a member of staff is helping in an assisted session.
    owner = case_owner_for_request(request)
    document = selectors.document_get_for_viewer(public_id=document_id, user=owner)
    if document is None or document.owner_id != owner.pk:
        document = selectors.document_get_for_viewer(public_id=document_id, user=request.user)
    if document is None:
        raise Http404("No such document")
    if document.owner_id == owner.pk and owner.pk != request.user.pk:
        audit_record(
            action="document.downloaded",
            obj=document,
            request=request,
            detail={"kind": document.kind, "assisted": True},
        )
    elif document.owner_id != request.user.pk:
        # Opened as staff: only with a second factor, and it is recorded.
        if not staff_second_factor_passed(request=request):
            next_url = request.get_full_path()
            request.session[STAFF_SECOND_FACTOR_NEXT_SESSION_KEY] = next_url
            return redirect(
                f"{reverse('accounts:staff-second-factor')}?"
                f"{urlencode({REDIRECT_FIELD_NAME: next_url})}"
            )
        audit_record(
            action="document.downloaded",
            obj=document,
            request=request,
            detail={"kind": document.kind},
        )
    try:
        return document_response(document=document)
    except FileNotFoundError:
        logger.error("Document %s has no stored file", document.public_id)
        raise Http404("No such document") from None
