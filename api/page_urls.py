"""The human-readable API page, in both languages like every public page."""

from django.urls import path

from . import pages

urlpatterns = [
    path("api/", pages.api_page, name="open_data_page"),
]
