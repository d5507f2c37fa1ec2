"""The theme pages: /temaer/ and one route per theme."""

from django.shortcuts import get_object_or_404
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from cms import themes
from search.documents import Kind, page_document

from .pages import BasePage
from .themes import Theme


class ThemeIndexPage(RoutablePageMixin, BasePage):
    """The list of the network's themes; each theme has its own route with everything tagged with it."""

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("temaoversigt")
        verbose_name_plural = _("temaoversigter")

    def search_documents(self):
        """One document per theme, at its route /temaer/<slug>/: found by the theme's name and description."""
        for theme in Theme.objects.all():
            yield page_document(
                self,
                kind=Kind.THEME,
                part=f"theme:{theme.slug}",
                path=f"{theme.slug}/",
                title=capfirst(theme.name),
                summary=theme.description,
                themes=[theme],
                dated=False,
            )

    @re_path(r"^$")
    def theme_list(self, request):
        return self.render(request, context_overrides={"themes": themes.themes_with_counts()})

    @re_path(r"^(?P<slug>[-\w]+)/$")
    def theme_detail(self, request, slug):
        theme = get_object_or_404(Theme, slug=slug)
        return self.render(
            request, context_overrides=themes.theme_detail_context(theme, request), template="cms/theme_detail.html"
        )

    def theme_url(self, theme):
        return self.url + self.reverse_subpage("theme_detail", kwargs={"slug": theme.slug})

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            for theme in Theme.objects.all():
                urls.append({"location": base + self.reverse_subpage("theme_detail", kwargs={"slug": theme.slug})})
        return urls
