from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from digital_services.core.registry import cases_for_user


@login_required
def your_applications(request):
    """Every case and draft of the signed-in user, across all services."""
    return render(
        request,
        "accounts/your_applications.html",
        {"groups": cases_for_user(request.user), "page_title": "Your applications"},
    )


@login_required
def staff_second_factor(request):
    return render(request, "accounts/staff_second_factor.html", {"page_title": "Confirm it’s you"})
