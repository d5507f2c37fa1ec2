"""The human-readable API page at /api/: what is open, the licence, the endpoints and examples, in Danish."""

from django.shortcuts import render

from .datasets import DATASETS
from .http import LICENCE_NAME, LICENCE_URL
from .views import api

# Each example is a path the page shows as a link and as a curl command; api/tests/test_page.py
# requests every one of them.
EXAMPLES = [
    ("Alle strategier, 100 pr. side", "/api/v1/strategies?page_size=100"),
    ("Vedtagne strategier i Region Midtjylland", "/api/v1/strategies?region=1082&status=vedtaget"),
    ("Alle handlinger, der er i gang", "/api/v1/actions?status=i-gang&page_size=100"),
    ("Handlinger ændret siden 1. januar 2026", "/api/v1/actions?changed_since=2026-01-01T00:00:00%2B01:00"),
    ("Medlemskommunerne", "/api/v1/municipalities?member=true"),
    ("Kommende netværksmøder", "/api/v1/meetings?status=kommende"),
    ("Temaerne med antal elementer", "/api/v1/themes"),
]


def endpoints():
    """The operations and their parameters, read from the OpenAPI schema so the page and the API agree."""
    schema = api.get_openapi_schema()
    rows = []
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        parameters = [
            {"name": param["name"], "in": param["in"], "description": param.get("description", "")}
            for param in operation.get("parameters", [])
        ]
        rows.append(
            {
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": parameters,
            }
        )
    return rows


def api_page(request):
    base = request.build_absolute_uri("/").rstrip("/")
    return render(
        request,
        "api/api_page.html",
        {
            "endpoints": endpoints(),
            "examples": [{"label": label, "path": path, "url": base + path} for label, path in EXAMPLES],
            "datasets": DATASETS,
            "base": base,
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "meta_title": "Åbne data og API",
            "meta_description": "Netværkets strategier, handlinger, møder og cases som API, downloads og DCAT-katalog.",
        },
    )
