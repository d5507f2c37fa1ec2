"""The client's address, as the login throttle and the login log see it."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or the address TRUSTED_PROXY_COUNT proxies in front of us put in X-Forwarded-For.

    Only the entries the trusted proxies added are believed: with one proxy the last entry is the
    client, anything further left was written by the client itself and may be forged.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) >= proxies:
        return forwarded[-proxies]
    return remote
