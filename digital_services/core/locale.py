"""Staff pages stay in English (issue #20): the admin (with the KPI dashboard under it) and
the assisted-digital agent's own pages, whatever language cookie the browser carries. Citizen
pages follow the reader's choice (``LocaleMiddleware``), or, in an assisted-digital session,
the citizen's (``assisted_digital.middleware``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation


def staff_path_prefixes() -> tuple[str, ...]:
    return (reverse("admin:index"), reverse("assisted_digital:start"))


class StaffPagesInEnglishMiddleware:
    """After ``LocaleMiddleware``: English on the staff pages."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes: tuple[str, ...] | None = None

    def __call__(self, request):
        if self.prefixes is None:
            self.prefixes = staff_path_prefixes()
        if request.path_info.startswith(self.prefixes):
            translation.activate("en")
            request.LANGUAGE_CODE = "en"
        return self.get_response(request)
