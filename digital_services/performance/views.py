import csv

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from digital_services.audit.http import address_rate_limited
from digital_services.core.registry import service_get

from .admin import csv_safe
from .charts import line_chart_build, stacked_column_chart_build
from .forms import ContactForm, FeedbackForm, KpiFilterForm, service_from_path
from .kpis import CHANNELS, kpi_csv_rows, kpi_dashboard_get
from .selectors import WEEK
from .services import contact_message_record, local_path_clean, satisfaction_record

RATE_LIMITED_MESSAGE = _("You have sent feedback too many times. Try again later")


def _service_context(slug: str) -> dict:
    """Show the service's name in the header when the feedback is about one."""
    try:
        service = service_get(slug) if slug else None
    except KeyError:
        service = None
    if not service:
        return {"feedback_service": None}
    return {
        "feedback_service": service,
        "service_name": gettext(service.name),
        "service_url": service.start_url,
    }


@require_http_methods(["GET", "POST"])
def feedback(request):
    """The feedback page, linked from the phase banner and every journey's end.

    POST/redirect/GET: a valid answer is saved and the browser is sent to the
    thank-you page. Each address may send PERFORMANCE_FEEDBACK_RATE_LIMIT
    answers; over that the page says so and keeps what was typed.
    """
    status = 200
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            if address_rate_limited(
                request, group="performance.feedback", setting="PERFORMANCE_FEEDBACK_RATE_LIMIT"
            ):
                form.add_error(None, RATE_LIMITED_MESSAGE)
                status = 429
            else:
                data = form.cleaned_data
                satisfaction_record(
                    rating=data["rating"],
                    comment=data["comment"],
                    service=data["service"],
                    journey=data["journey"],
                    page=data["from"],
                )
                url = reverse("performance:feedback-thanks")
                if data["from"]:
                    url += "?" + urlencode({"from": data["from"]})
                return redirect(url)
    else:
        hidden = FeedbackForm(request.GET)
        hidden.is_valid()  # only to clean service, journey and from; the rest is ignored
        initial = {
            name: hidden.cleaned_data.get(name, "") for name in ("service", "journey", "from")
        }
        form = FeedbackForm(initial=initial)

    slug = form.cleaned_data.get("service", "") if form.is_bound else form.initial["service"]
    context = {
        "form": form,
        "page_title": gettext("Give feedback"),
        "contact_url": _contact_url(form),
        **_service_context(slug),
    }
    return render(request, "performance/feedback.html", context, status=status)


def _contact_url(form) -> str:
    """The contact form, carrying over the page the feedback link was on."""
    from_path = form.cleaned_data.get("from", "") if form.is_bound else form.initial["from"]
    url = reverse("performance:contact")
    return f"{url}?{urlencode({'from': from_path})}" if from_path else url


CONTACT_RATE_LIMITED_MESSAGE = _("You have sent too many messages. Try again later")


@require_http_methods(["GET", "POST"])
def contact(request):
    """The contact form: what it is about, the service, a reference, the message and an email
    address for a reply. Staff read the messages in the admin. Rate limited per address
    (PERFORMANCE_FEEDBACK_RATE_LIMIT); over it, the page says so and keeps what was typed."""
    status = 200
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            if address_rate_limited(
                request, group="performance.contact", setting="PERFORMANCE_FEEDBACK_RATE_LIMIT"
            ):
                form.add_error(None, CONTACT_RATE_LIMITED_MESSAGE)
                status = 429
            else:
                data = form.cleaned_data
                contact_message_record(
                    topic=data["topic"],
                    message=data["message"],
                    service=data["service"],
                    reference=data["reference"],
                    email=data["email"],
                    page=data["from"],
                )
                request.session["performance.contact_reply"] = bool(data["email"])
                return redirect("performance:contact-sent")
    else:
        from_path = local_path_clean(request.GET.get("from"))
        form = ContactForm(initial={"from": from_path, "service": service_from_path(from_path)})
    return render(
        request,
        "performance/contact.html",
        {"form": form, "page_title": gettext("Contact us about a service")},
        status=status,
    )


@require_GET
def contact_sent(request):
    return render(
        request,
        "performance/contact_sent.html",
        {
            "page_title": gettext("Your message has been sent"),
            "reply": request.session.pop("performance.contact_reply", False),
        },
    )


@require_GET
def feedback_thanks(request):
    """Confirmation after feedback is sent, with a way back to where the user was."""
    from_path = local_path_clean(request.GET.get("from"))
    return render(
        request,
        "performance/feedback_thanks.html",
        {"page_title": gettext("Thank you for your feedback"), "return_url": from_path},
    )


# --- The KPI dashboard (staff: service owners) ----------------------------------

KPI_PERMISSION = "accounts.view_kpis"


def _kpi_form(request) -> KpiFilterForm:
    data = request.GET.copy()
    if not data.get("period"):
        data["period"] = WEEK
    return KpiFilterForm(data)


def _scope_label(dashboard) -> str:
    by = "by week" if dashboard.granularity == WEEK else "by month"
    return (
        f"{dashboard.overall.name}, {by}, "
        f"{dateformat.format(dashboard.start, 'j F Y')} to {dateformat.format(dashboard.end, 'j F Y')}"
    )


def _kpi_charts(dashboard) -> dict:
    scope = _scope_label(dashboard)
    rows = dashboard.overall.by_period
    rates = line_chart_build(
        id="kpi-rates-chart",
        title="Completion rate and digital take-up",
        description=(
            f"Line chart of completion rate and digital take-up, {scope}. "
            "A gap in a line is a period with nothing to divide by. "
            "The table after the chart gives the same figures."
        ),
        periods=dashboard.periods,
        series=[
            ("Completion rate", [f.completion_rate for _, f in rows]),
            ("Digital take-up", [f.digital_take_up for _, f in rows]),
        ],
    )
    volumes = stacked_column_chart_build(
        id="kpi-volumes-chart",
        title="Completed journeys by channel",
        description=(
            f"Stacked column chart of completed journeys by channel, {scope}. "
            "The table after the chart gives the same figures."
        ),
        periods=dashboard.periods,
        stacks=[
            (label, [f.volumes[i][2] for _, f in rows]) for i, (_, label) in enumerate(CHANNELS)
        ],
    )
    return {"rates_chart": rates, "volumes_chart": volumes}


@require_GET
@login_required
@permission_required(KPI_PERMISSION, raise_exception=True)
def kpi_dashboard(request):
    """The four Service Standard KPIs and volumes by channel, per service and
    for all services, by week or month, as tables and charts.

    Staff page: under /admin/ so the second-factor middleware guards it; opens
    only with the ``accounts.view_kpis`` permission (403 otherwise).
    """
    form = _kpi_form(request)
    context = {"form": form, "page_title": "Service performance"}
    if form.is_valid():
        dashboard = kpi_dashboard_get(**form.range_get())
        query = urlencode({k: v for k, v in request.GET.items() if v})
        csv_url = reverse("performance_staff:dashboard-csv")
        context.update(
            dashboard=dashboard,
            scope_label=_scope_label(dashboard),
            csv_url=f"{csv_url}?{query}" if query else csv_url,
            channels=CHANNELS,
            **_kpi_charts(dashboard),
        )
    return render(request, "performance/dashboard.html", context)


@require_GET
@login_required
@permission_required(KPI_PERMISSION, raise_exception=True)
def kpi_dashboard_csv(request):
    """The dashboard's figures as CSV, one row per service and period, with the
    same filters. Invalid filters go back to the page, which explains them."""
    form = _kpi_form(request)
    if not form.is_valid():
        query = request.GET.urlencode()
        url = reverse("performance_staff:dashboard")
        return redirect(f"{url}?{query}" if query else url)
    dashboard = kpi_dashboard_get(**form.range_get())
    name = "-".join(
        [
            "service-performance",
            dashboard.service or "all-services",
            dashboard.granularity,
            dashboard.start.isoformat(),
            dashboard.end.isoformat(),
        ]
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    for row in kpi_csv_rows(dashboard):
        writer.writerow([csv_safe(cell) for cell in row])
    return response
