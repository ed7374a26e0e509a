"""'Your data': see and download everything held about you, and delete your account."""

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .forms import AccountDeleteForm
from .retention import retention_table
from .selectors import user_data_export, user_data_sections
from .services import AccountCloseNotAllowed, account_close


def _is_staff(user) -> bool:
    return user.is_staff or user.is_superuser


@never_cache
@require_GET
@login_required
def your_data(request):
    """Everything held about the signed-in person, readable, with a JSON download."""
    data = user_data_export(user=request.user)
    return render(
        request,
        "privacy/your_data.html",
        {
            "page_title": gettext("Your data"),
            "sections": user_data_sections(data),
            "may_delete": not _is_staff(request.user),
        },
    )


@never_cache
@require_GET
@login_required
def your_data_download(request):
    """The same data as JSON, as a file (named without anything personal)."""
    data = user_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="your-data.json"'
    return response


@never_cache
@login_required
def account_delete(request):
    """Ask to delete your account: what goes at once, what the law makes us keep, then confirm.

    Staff accounts are closed by an administrator (403 here).
    """
    if _is_staff(request.user):
        raise PermissionDenied("Staff accounts are closed by an administrator")
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            account_close(user=request.user, request=request)
        except AccountCloseNotAllowed as exc:
            raise PermissionDenied(str(exc)) from exc
        logout(request)
        return redirect("privacy:account-deleted")
    return render(
        request,
        "privacy/account_delete.html",
        {
            "page_title": gettext("Delete your account"),
            "form": form,
            "retention_rows": [row for row in retention_table() if row.service],
        },
    )


@never_cache
@require_GET
def account_deleted(request):
    return render(
        request, "privacy/account_deleted.html", {"page_title": gettext("Account deleted")}
    )
