"""The /kommuner/ page and its routes; the routes' contexts are built in strategies.routes."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from cms.blocks import BodyBlock
from cms.models import BasePage
from strategies import routes


class MunicipalityIndexPage(RoutablePageMixin, BasePage):
    """The /kommuner/ page: every member municipality, the map of Denmark, comparison and coverage."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("indhold"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["strategies.MunicipalityPage"]
    max_count = 1

    class Meta:
        verbose_name = _("kommuneoversigt")
        verbose_name_plural = _("kommuneoversigter")

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=routes.listing_context(self, request))

    @path("sammenlign/", name="compare")
    def compare_route(self, request):
        return self.render(
            request,
            context_overrides=routes.comparison_context(self, request),
            template="strategies/comparison.html",
        )

    @path("daekning/", name="coverage")
    def coverage_route(self, request):
        return self.render(
            request,
            context_overrides=routes.coverage_context(self, request),
            template="strategies/coverage.html",
        )

    def subpage_url(self, name):
        return self.url + self.reverse_subpage(name)

    def get_sitemap_urls(self, request=None):
        """The listing and the coverage overview; the comparison depends on a visitor's choice."""
        urls = super().get_sitemap_urls(request)
        if urls:
            urls.append({**urls[0], "location": urls[0]["location"] + self.reverse_subpage("coverage")})
        return urls
