"""Print, as JSON, one public address of each kind the production front serves.

The benchmark (deploy/bench.py) and the front tests use it to find a strategy, an action plan,
a meeting, a theme page, a feed, a static file and a public document in whatever content the
database holds. Page types are looked up by label, so moving them between apps keeps this working.
"""

import json

from django.apps import apps
from django.core.management.base import BaseCommand
from django.templatetags.static import static

from wagtail.documents import get_document_model
from wagtail.models import Page


def first_live(label):
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    return model.objects.live().public().order_by("path").first()


class Command(BaseCommand):
    help = "Print one public address of each kind (home, municipalities, strategy, …) as JSON."

    def handle(self, *args, **options):
        urls = {"home": "/"}
        for key, label in (
            ("municipalities", "strategies.MunicipalityIndexPage"),
            ("strategy", "strategies.StrategyPage"),
            ("action_plan", "strategies.ActionPlanPage"),
            ("meeting", "cases.MeetingPage"),
            ("standard_page", "cms.StandardPage"),
        ):
            page = first_live(label)
            if page is not None:
                urls[key] = page.url
        index = first_live("cms.ThemeIndexPage")
        theme = apps.get_model("cms.Theme").objects.order_by("sort_order", "name").first()
        if index is not None and theme is not None:
            urls["theme"] = index.theme_url(theme)
        urls["search"] = "/soeg/?q=kultur"
        urls["feed"] = "/feed/strategier/rss/"
        urls["static"] = static("cms/css/site.css")
        document = (
            get_document_model().objects.filter(collection__view_restrictions__isnull=True).order_by("pk").first()
        )
        if document is not None:
            urls["document"] = document.url
            urls["document_file"] = "/media/" + document.file.name
        standard = first_live("cms.StandardPage")
        if standard is not None:
            urls["standard_page_id"] = standard.pk
        urls["page_count"] = Page.objects.live().public().count()
        self.stdout.write(json.dumps(urls))
