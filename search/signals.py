"""Keep the index in step with what editors do: publish, unpublish, move, delete, change privacy."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import pipeline, themes
from search.documents import object_key
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
    pipeline.remove_pages([instance.pk], related=pipeline.objects_listing([instance.pk], [instance.title]))


def on_moved(sender, instance, **kwargs):
    pipeline.index_subtree(Page.objects.get(pk=instance.pk))


def on_deleting(sender, instance, **kwargs):
    # What refers to the page is gone after the delete: remember whose public pages list it.
    instance._search_related = pipeline.objects_listing([instance.pk], [instance.title])


def on_deleted(sender, instance, **kwargs):
    # The database index follows by cascade; other engines are told here.
    pipeline.remove_pages([instance.pk], related=getattr(instance, "_search_related", []))


def on_object_saved(sender, instance, **kwargs):
    # After the commit, so an object saved with its relations in one form is indexed with them.
    transaction.on_commit(lambda: pipeline.index_objects([instance]))


def on_object_deleted(sender, instance, **kwargs):
    pipeline.remove_objects([object_key(instance)])


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
    pre_delete.connect(on_deleting, sender=Page, dispatch_uid="search_page_deleting")
    for model in pipeline.searchable_models():
        pre_delete.connect(on_deleting, sender=model, dispatch_uid=f"search_page_deleting_{model._meta.label}")
        post_delete.connect(on_deleted, sender=model, dispatch_uid=f"search_page_deleted_{model._meta.label}")
    for model in pipeline.searchable_object_models():
        label = model._meta.label
        post_save.connect(on_object_saved, sender=model, dispatch_uid=f"search_object_saved_{label}")
        post_delete.connect(on_object_deleted, sender=model, dispatch_uid=f"search_object_deleted_{label}")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")
