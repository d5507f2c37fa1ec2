"""Keeping search in step with the themes (cms reference data): a theme's name and description are
searchable text of its route (/temaer/<slug>/) and of every document that carries it, so editing or
deleting a theme re-indexes those pages."""

from django.db import transaction
from django.db.models.signals import post_save, pre_delete

from wagtail.models import Page

from cms.models import PageTheme, Theme, ThemeIndexPage
from search.pipeline import index_pages


def pages_with_theme(theme):
    """The theme list page and every page that carries the theme itself or on one of its parts."""
    page_ids = set(ThemeIndexPage.objects.values_list("pk", flat=True))
    page_ids |= set(PageTheme.objects.filter(tag=theme).values_list("content_object_id", flat=True))
    action_items = getattr(theme, "action_items", None)  # actions carry themes on their plan's page
    if action_items is not None:
        page_ids |= set(action_items.values_list("content_object__page_id", flat=True))
    return Page.objects.filter(pk__in=page_ids)


def reindex_theme(sender, instance, **kwargs):
    pages = list(pages_with_theme(instance))
    transaction.on_commit(lambda: index_pages(pages))


def connect():
    post_save.connect(reindex_theme, sender=Theme, dispatch_uid="search_theme_saved")
    # Before the delete: the pages' links to the theme go with it.
    pre_delete.connect(reindex_theme, sender=Theme, dispatch_uid="search_theme_deleted")
