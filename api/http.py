"""HTTP behaviour shared by the API and the downloads: validators for conditional GET, licence, caching."""

import hashlib

from django.db.models import Max
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from wagtail.models import ModelLogEntry, Page, PageLogEntry

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "CC BY 4.0"
CACHE_CONTROL = "public, max-age=300"


def content_changed_at():
    """When public content last changed: the latest publish, unpublish, move, privacy change or snippet edit.

    Wagtail logs every such action from the admin (PageLogEntry, ModelLogEntry), and every publish sets
    `last_published_at`; the latest of the three is the data's Last-Modified. Three small queries.
    """
    moments = [
        PageLogEntry.objects.aggregate(at=Max("timestamp"))["at"],
        ModelLogEntry.objects.aggregate(at=Max("timestamp"))["at"],
        Page.objects.aggregate(at=Max("last_published_at"))["at"],
    ]
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else None


def finish(request, response):
    """Give a successful GET its validators, licence and cache headers, and answer a conditional GET with 304.

    The ETag is a hash of the body, so it changes exactly when the data does, whatever caused the
    change; Last-Modified is `content_changed_at()`. When a client sends both, If-None-Match decides
    (RFC 9110), as Django's get_conditional_response implements it.
    """
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    changed = content_changed_at()
    last_modified = int(changed.timestamp()) if changed else None
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = CACHE_CONTROL
    conditional = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    if conditional is not response:
        conditional["Link"] = response["Link"]
        conditional["Cache-Control"] = CACHE_CONTROL
    return conditional
