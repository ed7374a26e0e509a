"""Attaches the agent's active assisted-digital session to every request they make.

``request.assisted_session`` is the ``AssistedSession`` (``.citizen``, ``.channel``,
``.banner_text``, ``.end_url``) or ``None``. The journeys engine, the audit app
and ``digital_services.accounts.citizens.case_owner_for_request`` read it: while it
is set, the agent's drafts and cases are the citizen's, what they send is recorded
as assisted, and every change they make on a service's pages (any POST) is
audited as ``assisted.action`` on the citizen's behalf.

A session is only attached to a signed-in member of staff who still has the
``act_on_behalf`` permission and a current second factor; otherwise it is ended.
Must come after AuthenticationMiddleware and StaffSecondFactorMiddleware.
"""

from __future__ import annotations

from django.utils import translation

from digital_services.accounts.selectors import staff_second_factor_passed
from digital_services.core.registry import service_for_namespace

from . import services
from .constants import PERMISSION_ACT, SESSION_KEY
from .models import AssistedSession
from .selectors import assisted_session_active_get


def _is_service_page(request) -> bool:
    """A page of a registered service (its journeys included), where staff act for the
    citizen; platform pages (sign-out, keep-alive, these staff pages) are not audited here."""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.namespaces and service_for_namespace(match.namespaces[0]))


class AssistedSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.assisted_session = self._session_for(request)
        response = self.get_response(request)
        session = request.assisted_session
        if (
            session is not None
            and request.method not in ("GET", "HEAD", "OPTIONS")
            and response.status_code < 400
            and _is_service_page(request)
        ):
            services.assisted_action_record(
                request=request, session=session, status_code=response.status_code
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """On the citizen's pages, speak the language the citizen chose for the session
        (``AssistedSession.language``); the agent's own pages and the admin stay English.
        After LocaleMiddleware, which then reports it in ``Content-Language``."""
        session = getattr(request, "assisted_session", None)
        match = getattr(request, "resolver_match", None)
        if session is None or match is None:
            return None
        if match.namespaces and match.namespaces[0] in ("assisted_digital", "admin"):
            return None
        translation.activate(session.language)
        request.LANGUAGE_CODE = session.language
        return None

    def _session_for(self, request) -> AssistedSession | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return None
        pk = request.session.get(SESSION_KEY)
        if pk is None:
            return None
        session = assisted_session_active_get(agent=user, pk=pk)
        if session is None:
            request.session.pop(SESSION_KEY, None)
            return None
        if not user.has_perm(PERMISSION_ACT) or not staff_second_factor_passed(request=request):
            request.session.pop(SESSION_KEY, None)
            services.assisted_session_end(
                session=session, reason=AssistedSession.EndReason.EXPIRED, actor=None
            )
            return None
        services.assisted_session_touch(session=session)
        return session
