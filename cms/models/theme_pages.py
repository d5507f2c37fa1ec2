"""The theme pages: /temaer/ and one route per theme."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from .pages import BasePage
from .themes import Theme

GROUP_PREVIEW_SIZE = 6
GROUP_PAGE_SIZE = 20


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
        from search.documents import Kind, page_document

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
        from cms.themes import themes_with_counts

        return self.render(request, context_overrides={"themes": themes_with_counts()})

    @re_path(r"^(?P<slug>[-\w]+)/$")
    def theme_detail(self, request, slug):
        from cms.themes import groups_for_theme, related_themes

        theme = get_object_or_404(Theme, slug=slug)
        groups = groups_for_theme(theme)
        selected_key = request.GET.get("type", "")
        message = ""
        selected = None
        if selected_key:
            selected = next((group for group in groups if group.key == selected_key), None)
            if selected is None:
                message = _gettext("Der er ingen indholdstype med det navn på dette tema. Her er alt på temaet.")
        if selected is not None:
            paginator = Paginator(selected.items, GROUP_PAGE_SIZE)
            page_obj = paginator.get_page(request.GET.get("side"))
            selected.page_obj = page_obj
            shown_groups = [selected]
        else:
            for group in groups:
                group.preview = list(group.items[:GROUP_PREVIEW_SIZE])
            shown_groups = groups
        context = self.get_context(request)
        context.update(
            {
                "theme": theme,
                "groups": groups,
                "shown_groups": shown_groups,
                "selected": selected,
                "message": message,
                "total": sum(group.count for group in groups),
                "related_themes": related_themes(theme),
                "meta_title": capfirst(theme.name),
                "meta_description": theme.description,
            }
        )
        return TemplateResponse(request, "cms/theme_detail.html", context)

    def theme_url(self, theme):
        return self.url + self.reverse_subpage("theme_detail", kwargs={"slug": theme.slug})

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            for theme in Theme.objects.all():
                urls.append({"location": base + self.reverse_subpage("theme_detail", kwargs={"slug": theme.slug})})
        return urls
