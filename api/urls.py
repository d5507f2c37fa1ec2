"""The API, the downloads and the catalogue: outside the language prefixes, one address for everyone."""

from django.http import JsonResponse
from django.urls import path, re_path
from django.views.generic import RedirectView

from . import catalogue, downloads
from .views import api


def unknown_address(request, rest):
    """Any other address under /api/v1/: a JSON 404 that points to the documentation, like the API's own errors."""
    message = "Adressen findes ikke i API'et. Se /api/ og /api/v1/openapi.json."
    return JsonResponse({"detail": message, "errors": []}, status=404)


urlpatterns = [
    path("api/v1/", RedirectView.as_view(url="/api/", permanent=False)),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/(?P<rest>.*)$", unknown_address),
    path("data/katalog.jsonld", catalogue.catalogue_jsonld, name="open_data_catalogue_jsonld"),
    path("data/katalog.ttl", catalogue.catalogue_turtle, name="open_data_catalogue_turtle"),
    path("data/sammenligning.csv", downloads.comparison_csv, name="open_data_comparison_csv"),
    path("data/<slug:dataset>.<str:fmt>", downloads.download, name="open_data_download"),
]
