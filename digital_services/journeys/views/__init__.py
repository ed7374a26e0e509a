"""One set of views serves every journey; ``urls.journey_urlpatterns`` binds them to one.

Every view is given its ``journey`` by the URL pattern. GET never writes: a draft is
created by the first valid answer (a POST), and a session key for someone who is not
signed in is only made then too.
"""

from .check_and_save import (
    SESSION_CANCELLED_KEY,
    cancel_view,
    check_view,
    resume_view,
    save_sent_view,
    save_view,
)
from .common import (
    RETURN_TO_CHECK,
    JourneyRequest,
    service_start_url,
)
from .items import (
    item_add,
    item_change,
    item_remove,
)
from .start_and_steps import (
    journey_start,
    section_start,
    step_view,
)

__all__ = [
    "JourneyRequest",
    "RETURN_TO_CHECK",
    "SESSION_CANCELLED_KEY",
    "cancel_view",
    "check_view",
    "item_add",
    "item_change",
    "item_remove",
    "journey_start",
    "resume_view",
    "save_sent_view",
    "save_view",
    "section_start",
    "service_start_url",
    "step_view",
]
