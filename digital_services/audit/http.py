"""Where a request came from: the one answer used by the audit log, the rate limits,
allauth (``AccountAdapter.get_client_ip``) and django-axes (``AXES_CLIENT_IP_CALLABLE``)."""

import ipaddress

from django.conf import settings


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip_get(request) -> str | None:
    """The client's IP address, or None when it cannot be known.

    ``X-Forwarded-For`` is written by whoever sends the request, so it is only
    believed when ``TRUSTED_PROXY_COUNT`` says how many proxies we run in
    front of the app (for example 1 for a load balancer). Each trusted proxy
    appends the address it saw, so the client is the entry that many places from
    the right; anything further left was supplied by the client and is ignored.
    With no trusted proxies, or a header shorter than expected, REMOTE_ADDR is used.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return _valid_ip(forwarded[-proxies])
    return _valid_ip(request.META.get("REMOTE_ADDR", ""))


def client_rate_limit_key(group, request) -> str:
    """A django-ratelimit key: one bucket per client address.

    IPv6 clients share their /64, as one home or office does.
    """
    ip = client_ip_get(request) or "unknown"
    if ":" in ip:
        ip = str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return ip


def address_rate_limited(request, *, group: str, setting: str) -> bool:
    """One POST counted from this client address, at the rate in ``setting`` (a
    django-ratelimit rate such as "10/h", read when the request comes). True when over."""
    from django.conf import settings
    from django_ratelimit.core import is_ratelimited

    return is_ratelimited(
        request,
        group=group,
        key=client_rate_limit_key,
        rate=lambda group, request: getattr(settings, setting),
        method="POST",
        increment=True,
    )


def lookup_rate_limited(request, *, group: str, reference: str, setting: str) -> bool:
    """One attempt at a reference look-up (a reference with a second fact the citizen knows):
    counted from this client address and for this reference, each at the rate in ``setting``
    (a django-ratelimit rate such as "10/h", read when the request comes). True when either
    is over. The reference's own bucket stops guessing the second fact from many addresses."""
    from django.conf import settings
    from django_ratelimit.core import is_ratelimited

    def rate(group, request) -> str:
        return getattr(settings, setting)

    by_address = address_rate_limited(request, group=group, setting=setting)
    by_reference = is_ratelimited(
        request,
        group=f"{group}.reference",
        key=lambda group, request: reference,
        rate=rate,
        method="POST",
        increment=True,
    )
    return by_address or by_reference
