"""Signal receivers. Only wiring lives here; the work is in services."""

from .constants import SESSION_OWNER_KEY
from .services import drafts_adopt


def drafts_adopt_on_sign_in(sender, request, user, **kwargs):
    """Someone who answered questions before signing in keeps those answers."""
    session = getattr(request, "session", None)
    if session is None:
        return
    key = session.get(SESSION_OWNER_KEY)
    if key:
        drafts_adopt(session_key=key, user=user)
