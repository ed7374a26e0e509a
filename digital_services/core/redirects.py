"""The one place a ``next`` (or any "go back to") URL from a request is turned into a redirect.

A ``next`` value comes from the browser, so it may point anywhere. Django's
``url_has_allowed_host_and_scheme`` says whether it points at this site; we then
keep only the path and query, and check that rebuilt value again: an absolute
URL on this site can carry a path such as ``//evil.example/x``, which on its own
is a link to another site (``http://testserver//evil.example/x`` is safe as it
is, its path alone is not).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme


def next_url_safe(request, url: str | None, *, default: str | None = None) -> str | None:
    """A path on this site (with its query) for ``url``, or ``default`` when it is unsafe.

    Safe means: it points at this host (and https when the request is), and the
    path-only rebuild is itself a plain site-relative path (no ``//``, ``/\\``,
    scheme or control characters).
    """
    if not url or not isinstance(url, str):
        return default
    if not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return default
    parts = urlsplit(url)
    path = parts.path or "/"
    rebuilt = f"{path}?{parts.query}" if parts.query else path
    if (
        not rebuilt.startswith("/")
        or rebuilt.startswith(("//", "/\\"))
        or "\\" in path
        or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in rebuilt)
        or not url_has_allowed_host_and_scheme(rebuilt, allowed_hosts=None)
    ):
        return default
    return rebuilt
