"""The visit inbox's and a visit's case page's own template blocks, drawn in Python for the
staff pages drawn in Python (``digital_services/core/admin_page.py`` and ``admin_case_page.py``):
the same markup as ``templates/admin/prison_visits/visit/change_list.html`` and
``change_form.html``, which Django's templates still draw when the pages are handed to them.
``tests/core/test_admin_page.py`` and ``test_admin_case_page.py`` compare the two."""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from digital_services.core.admin_page import text
from digital_services.core.dates import datetime_format

from ..constants import VisitStatus

LIST_TEMPLATE = "templates/admin/prison_visits/visit/change_list.html"
CASE_TEMPLATE = "templates/admin/prison_visits/visit/change_form.html"


def _stylesheet() -> str:
    return f'<link rel="stylesheet" href="{static("prison_visits/admin.css")}">'


def list_page_blocks(context, request) -> dict[str, str]:
    """The inbox's counts under its heading, the day sheet link and the stylesheet."""
    day_sheet = reverse("admin:prison_visits_visit_day_sheet")
    title = "<h1>Visits</h1>\n"
    counts = context.get("inbox_counts")
    if counts:
        most, most_text = context.get("count_at_most"), text(context.get("count_at_most_text"))

        def counted(n, noun: str) -> str:
            if n > most:
                return f"More than {most_text} {noun}s"
            return f"{text(n)} {noun}{'' if n == 1 else 's'}"

        title += (
            f'<p>\n<a href="?inbox=requests">{counted(counts["requests"], "request")} '
            "waiting for a decision</a> ·\n"
            '<a href="?inbox=cancellations">'
            f"{counted(counts['cancellations'], 'visitor cancellation')} to action</a> ·\n"
            '<a href="?inbox=overdue">overdue requests</a>\n</p>\n'
        )
    return {
        "extrastyle": _stylesheet(),
        "object_tools": f'<li><a href="{text(day_sheet)}">Day sheet</a></li>\n',
        "content_title": title,
    }


def case_page_blocks(context, request, token: str) -> dict[str, str]:
    """The staff actions, the visitor cancellation to mark done, and the timeline."""
    visit, can_act = context.get("original"), context.get("can_act")
    tools = ""
    if can_act and visit.status == VisitStatus.REQUESTED:
        process = reverse("admin:prison_visits_visit_process", args=[visit.pk])
        tools += f'<li><a href="{text(process)}">Process request</a></li>\n'
    if can_act and visit.status == VisitStatus.BOOKED:
        message = reverse("admin:prison_visits_visit_message", args=[visit.pk])
        cancel = reverse("admin:prison_visits_visit_cancel", args=[visit.pk])
        tools += (
            f'<li><a href="{text(message)}">Send a message</a></li>\n'
            f'<li><a href="{text(cancel)}">Cancel visit</a></li>\n'
        )
    after = ""
    if context.get("cancellation_to_action") and can_act:
        done = reverse("admin:prison_visits_visit_cancellation_actioned", args=[visit.pk])
        after = (
            '<div class="module" id="visitor-cancellation">\n<h2>Visitor cancellation</h2>\n'
            "<p>The visitor cancelled this visit. Cancel it in the prison’s own system, then "
            "mark it as done.</p>\n"
            f'<form method="post" action="{text(done)}">\n'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{text(token)}">\n'
            '<input type="submit" value="Cancelled in the prison’s system">\n</form>\n</div>\n'
        )
    events = []
    for event in context.get("timeline") or ():
        said = f"<blockquote>{text(event.message)}</blockquote>\n" if event.message else ""
        events.append(
            f"<li>\n<strong>{text(event.get_kind_display())}</strong> by "
            f"{text(event.actor_label)},\n"
            f'<time datetime="{timezone.localtime(event.occurred_at).isoformat()}">'
            f"{text(datetime_format(event.occurred_at))}</time>\n{said}</li>\n"
        )
    if not events:
        events.append("<li>Nothing has happened to this visit yet.</li>\n")
    timeline = (
        '<div class="module">\n<h2>Timeline</h2>\n<ol class="pv-timeline">\n'
        f"{''.join(events)}</ol>\n</div>\n"
    )
    return {
        "extrastyle": _stylesheet(),
        "object_tools": tools,
        "content_after": after,
        "after_related_objects": timeline,
    }


def day_sheet_summary_html(day, summary) -> str:
    """The day sheet's table of a day's visits at each prison (``day_sheet_summary_get``), one
    row per prison: drawn here rather than by a template loop, which was a third of the page's
    time for someone who sees a hundred prisons. Ids and counts as they are (no number
    formatting), each value escaped."""
    day_query = text(day.isoformat())
    rows = "".join(
        f'<tr>\n<th scope="row"><a href="?date={day_query}&amp;prison={int(row.prison_id)}">'
        f"{text(row.prison_name)}</a></th>\n<td>{int(row.booked)}</td>\n"
        f"<td>{int(row.cancelled)}</td>\n</tr>\n"
        for row in summary
    )
    return mark_safe(  # noqa: S308 - every value escaped or an int above
        '<table>\n<thead><tr><th scope="col">Prison</th><th scope="col">Booked</th>'
        f'<th scope="col">Cancelled</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>'
    )
