"""Signal receivers: a session ends when the member of staff signs out."""

from .constants import SESSION_KEY
from .models import AssistedSession
from .selectors import assisted_session_active_get
from .services import assisted_session_end


def assisted_session_end_on_sign_out(sender, request, user, **kwargs):
    """Django sends ``user_logged_out`` before it clears the session, so the id is still there."""
    if user is None or request is None or not hasattr(request, "session"):
        return
    pk = request.session.get(SESSION_KEY)
    session = assisted_session_active_get(agent=user, pk=pk) if pk is not None else None
    if session is not None:
        assisted_session_end(
            session=session, reason=AssistedSession.EndReason.SIGNED_OUT, actor=user
        )
