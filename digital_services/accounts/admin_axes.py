"""django-axes's sign-in logs in the staff admin, shaped for tables that grow.

axes' own admins list each table newest first with a ``date_hierarchy`` (``SELECT DISTINCT
date_trunc(...)`` over every row), a filter on the path (``SELECT DISTINCT path_info`` over
every row) and 100 rows a page with a full count. (Their rows come newest id first: axes'
models do not keep the abstract base's attempt-time ordering, so the primary key serves the
list.) Every sign-in writes a row to the access log and every failure one to the failure
log, so these tables grow by thousands a day, and lists built that way slowed down as our case
lists grew (docs/performance.md).

The same admins here, with: no date hierarchy (the attempt-time filter gives the same "today /
past 7 days / this month" links with no query), no path filter (searching by path still
works), and 25 rows a page with the large-table paginator (``LargeListAdminMixin``).
"""

from __future__ import annotations

from axes import admin as axes_admin  # axes registers its admins on import: ours replace them
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin

from digital_services.core.admin_lists import LargeListAdminMixin


def _without_path(filters) -> list:
    return [spec for spec in filters if spec != "path_info"]


class AccessAttemptAdmin(LargeListAdminMixin, axes_admin.AccessAttemptAdmin):
    date_hierarchy = None
    list_filter = _without_path(axes_admin.AccessAttemptAdmin.list_filter)


class AccessLogAdmin(LargeListAdminMixin, axes_admin.AccessLogAdmin):
    date_hierarchy = None
    list_filter = _without_path(axes_admin.AccessLogAdmin.list_filter)


class AccessFailureLogAdmin(LargeListAdminMixin, axes_admin.AccessFailureLogAdmin):
    date_hierarchy = None
    list_filter = _without_path(axes_admin.AccessFailureLogAdmin.list_filter)


for _model, _admin_class in (
    (AccessAttempt, AccessAttemptAdmin),
    (AccessLog, AccessLogAdmin),
    (AccessFailureLog, AccessFailureLogAdmin),
):
    if admin.site.is_registered(_model):  # AXES_ENABLE_ADMIN (on unless turned off)
        admin.site.unregister(_model)
        admin.site.register(_model, _admin_class)
