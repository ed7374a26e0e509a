"""The prison staff side, in the Django admin, narrowed to each member of staff's prisons.

Every queryset goes through ``selectors.prisons_for_user`` / ``visits_for_staff``:
a caseworker assigned to prison P never sees, opens or acts on prison Q's visits
(administrators, with ``view_all_prisons``, see them all). A visit's status is
read-only here: staff change it only through the pages below, which call the
services (process a request, cancel, message, action a visitor cancellation).
"""

from .common import (
    CSV_FORMULA_PREFIXES,
    PrisonScopedAdminMixin,
    ScopedPrisonFilter,
)
from .prisons import (
    BlockedDateInline,
    DateSlotInline,
    PrisonAdmin,
    PrisonerRegisterEntryAdmin,
    PrisonStaffAssignmentAdmin,
    UpcomingInlineMixin,
    WeeklySlotInline,
)
from .visit_parts import (
    InboxFilter,
    VisitorInline,
)
from .visits import (
    VisitAdmin,
)

__all__ = [
    "BlockedDateInline",
    "CSV_FORMULA_PREFIXES",
    "DateSlotInline",
    "InboxFilter",
    "PrisonAdmin",
    "PrisonScopedAdminMixin",
    "PrisonStaffAssignmentAdmin",
    "PrisonerRegisterEntryAdmin",
    "ScopedPrisonFilter",
    "UpcomingInlineMixin",
    "VisitAdmin",
    "VisitorInline",
    "WeeklySlotInline",
]
