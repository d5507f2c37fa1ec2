"""Keep the index in step with what editors do: publish, unpublish, move, delete, change privacy."""

import logging

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import pipeline, themes
from search.models import IndexEntry

logger = logging.getLogger(__name__)


def on_published(sender, instance, **kwargs):
    old_urls = set(IndexEntry.objects.filter(page_id=instance.pk).values_list("url", flat=True))
    pipeline.index_pages([instance])
    new_urls = set(IndexEntry.objects.filter(page_id=instance.pk).values_list("url", flat=True))
    if old_urls and old_urls != new_urls and not instance.is_leaf():
        # A new slug changes the address of everything below.
        pipeline.index_pages(instance.get_descendants().specific().iterator(chunk_size=200))


def on_unpublished(sender, instance, **kwargs):
    pipeline.remove_pages([instance.pk])


def on_moved(sender, instance, **kwargs):
    pipeline.index_subtree(Page.objects.get(pk=instance.pk))


def on_deleted(sender, instance, **kwargs):
    # The database index follows by cascade; other engines are told here.
    pipeline.remove_pages([instance.pk])


def on_restriction_changed(sender, instance, **kwargs):
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return  # the page itself is being deleted
    pipeline.index_subtree(page)


def connect():
    themes.connect()
    page_published.connect(on_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search_page_moved")
    post_delete.connect(on_deleted, sender=Page, dispatch_uid="search_page_deleted")
    for model in pipeline.searchable_models():
        post_delete.connect(on_deleted, sender=model, dispatch_uid=f"search_page_deleted_{model._meta.label}")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")
