import ipaddress

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from digital_services.audit.http import client_ip_get
from digital_services.core.registry import service_get

from .forms import FeedbackForm
from .services import local_path_clean, satisfaction_record

RATE_LIMITED_MESSAGE = "You have sent feedback too many times. Try again later"


def _rate_limit_key(group, request) -> str:
    """One bucket per client address; IPv6 clients share their /64, as one home does."""
    ip = client_ip_get(request) or "unknown"
    if ":" in ip:
        ip = str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return ip


def _rate(group, request) -> str:
    return settings.PERFORMANCE_FEEDBACK_RATE_LIMIT


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
        "service_name": service.name,
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
            if is_ratelimited(
                request,
                group="performance.feedback",
                key=_rate_limit_key,
                rate=_rate,
                method="POST",
                increment=True,
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
    context = {"form": form, "page_title": "Give feedback", **_service_context(slug)}
    return render(request, "performance/feedback.html", context, status=status)


@require_GET
def feedback_thanks(request):
    """Confirmation after feedback is sent, with a way back to where the user was."""
    from_path = local_path_clean(request.GET.get("from"))
    return render(
        request,
        "performance/feedback_thanks.html",
        {"page_title": "Thank you for your feedback", "return_url": from_path},
    )
