"""RSS and Atom feeds of published pages: the base classes every feed uses, and one per theme.

A feed lists live, public pages only, newest first. Apps subclass `PageFeed` for their own feeds
(new strategies, new cases, one per municipality) and add them to their urls with `feed_urls`.
"""

from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from cms.cards import specific_cards
from cms.models import PageTheme, SiteSettings, Theme, ThemeIndexPage

FEED_SIZE = 30


class PageFeed(Feed):
    """Newest live, public pages first; subclasses say which pages with `pages(obj)`."""

    feed_type = Rss201rev2Feed
    language = "da"

    def pages(self, obj):
        raise NotImplementedError

    def author_name(self):
        """Atom requires an author: the organisation behind the site (its settings), else the site's name."""
        site = Site.find_for_request(self.request)
        name = SiteSettings.for_request(self.request).organisation_name if site else ""
        return name or _("Grønne partnerskaber")

    def items(self, obj):
        """The newest pages, with what each item shows (its owner, its themes) in a fixed number of queries."""
        newest = self.pages(obj).live().public().order_by("-first_published_at", "-pk")
        ids = list(newest.values_list("pk", flat=True)[:FEED_SIZE])
        pages = specific_cards(ids)
        items = [pages[pk] for pk in ids if pk in pages]
        prefetch_related_objects([item for item in items if hasattr(item, "theme_items")], "theme_items__tag")
        return items

    def item_title(self, item):
        """The title, with whose it is when the page says (a strategy or plan names its municipality)."""
        owner = getattr(item, "owner_name", "")
        return f"{item.title} – {owner}" if owner else item.title

    def item_description(self, item):
        return getattr(item, "summary", "") or item.search_description

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return f"{item.get_full_url(self.request)}#side-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        if not hasattr(item, "theme_items"):
            return []
        return [link.tag.name for link in sorted(item.theme_items.all(), key=lambda link: link.pk)]

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)


class ThemeFeed(PageFeed):
    """Everything new on one theme."""

    def get_object(self, request, slug):
        return get_object_or_404(Theme, slug=slug)

    def title(self, obj):
        return _("Grønne partnerskaber: %(theme)s") % {"theme": capfirst(obj.name)}

    def description(self, obj):
        return obj.description or _("Nyt indhold om temaet %(theme)s.") % {"theme": obj.name}

    def link(self, obj):
        index = ThemeIndexPage.objects.live().public().first()
        return index.theme_url(obj) if index else "/"

    def pages(self, obj):
        return Page.objects.filter(pk__in=PageTheme.objects.filter(tag=obj).values("content_object"))


def atom(feed_class):
    """The Atom twin of an RSS feed class."""
    return type(
        f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed, "subtitle": feed_class.description}
    )


def feed_urls(route, feed_class, name):
    """`<route>rss/` and `<route>atom/` for one feed."""
    return [
        path(f"{route}rss/", feed_class(), name=f"{name}_rss"),
        path(f"{route}atom/", atom(feed_class)(), name=f"{name}_atom"),
    ]
