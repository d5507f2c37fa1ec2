"""The API, the downloads and the catalogue: outside the language prefixes, one address for everyone."""

from django.urls import path
from django.views.generic import RedirectView

from . import catalogue, downloads
from .views import api

urlpatterns = [
    path("api/v1/", RedirectView.as_view(url="/api/", permanent=False)),
    path("api/v1/", api.urls),
    path("data/katalog.jsonld", catalogue.catalogue_jsonld, name="open_data_catalogue_jsonld"),
    path("data/katalog.ttl", catalogue.catalogue_turtle, name="open_data_catalogue_turtle"),
    path("data/sammenligning.csv", downloads.comparison_csv, name="open_data_comparison_csv"),
    path("data/<slug:dataset>.<str:fmt>", downloads.download, name="open_data_download"),
]
