"""How django-axes names the account being tried, so lockouts follow the account.

allauth signs in with ``authenticate(request, email=..., password=...)``, so
axes' default lookup of a ``username`` (or ``AXES_USERNAME_FORM_FIELD``)
credential finds nothing and every failure would count against "no account".
"""

from __future__ import annotations


def axes_username_get(request, credentials: dict | None) -> str | None:
    """The email address being signed in with, lower-cased (``AXES_USERNAME_CALLABLE``)."""
    candidates = []
    if credentials:
        candidates += [
            credentials.get("email"),
            credentials.get("username"),
            credentials.get("login"),
        ]
    data = getattr(request, "POST", None) or {}
    candidates += [data.get("login"), data.get("email")]
    for value in candidates:
        if isinstance(value, str) and value.strip():
            return value.strip().lower()
    return None
