"""Public views of the cases app that are not pages: feeds and calendar files."""

from django.urls import re_path

from cms.feeds import feed_urls

from . import views
from .feeds import CaseFeed

app_name = "cases"

urlpatterns = [
    *feed_urls("feed/cases/", CaseFeed, "feed"),
    # Wagtail only serves paths ending in a slash, so the .ics files are routed here and the
    # page is found by its path (see views.calendar_file).
    re_path(r"^(?P<path>(?:[\w\-]+/)+)kalender\.ics$", views.calendar_file, name="calendar"),
]
