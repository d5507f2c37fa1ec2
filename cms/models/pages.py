"""The home page and the standard pages every site needs."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import Resolver404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock, FeaturedItemBlock
from cms.home import featured_items, rendered_home_sections
from search.documents import Kind, page_document, stream_text
from security.pageforms import SecurePageForm
from security.restrictions import restrictions_for

from .themes import ThemedPageMixin


class BasePage(Page):
    """Common ground for the site's page types: a short introduction shown under the title."""

    # Refuses images, documents and pages the editor may not choose, and stale saves (security app).
    base_form_class = SecurePageForm

    intro = models.TextField(
        _("introduktion"),
        blank=True,
        max_length=600,
        help_text=_("Et kort afsnit under titlen. Bruges også på kort og i søgeresultater."),
    )

    is_example = models.BooleanField(
        _("eksempelindhold"),
        default=False,
        help_text=_(
            "Markér sider med opfundet indhold til demonstration. De vises med en tydelig besked om, "
            "at indholdet er et eksempel og ikke en kommunes politik."
        ),
    )

    search_fields = Page.search_fields + [index.SearchField("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("is_example")]
    # The "Synlighed" tab (Wagtail's "Promote") explained for editors who have never heard of SEO.
    promote_panels = [
        HelpPanel(
            content=_(
                "<p><strong>Synlighed</strong> handler om, hvordan siden ses uden for selve siden: i adressen, "
                "i søgemaskiner som Google, når den deles, og i webstedets menuer. Alle felter kan stå, som de "
                "er.</p><ul>"
                "<li><strong>URL-navn</strong> er sidens del af adressen, fx /kommuner/aarhus/"
                "<em>strategi-for-groen-kultur</em>/. Kort, små bogstaver og bindestreger. Ændrer du det, "
                "efter siden er udgivet, virker gamle links ikke længere.</li>"
                "<li><strong>Titel i søgemaskiner</strong> er den klikbare overskrift i Googles resultater og "
                "fanebladets navn. Tom: sidens titel bruges. Højst cirka 60 tegn.</li>"
                "<li><strong>Beskrivelse til søgemaskiner</strong> er de to linjer under overskriften i "
                "søgeresultater, på kort på webstedet og når siden deles. Tom: introduktionen bruges. Højst "
                "cirka 155 tegn.</li>"
                "<li><strong>Vis i menuer</strong> tager siden med i webstedets automatiske menuer.</li></ul>"
            ),
            heading=_("Hvad er Synlighed?"),
        ),
        *Page.promote_panels,
    ]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors in one query (Wagtail reads the ancestors first)."""
        return restrictions_for(self)

    def route(self, request, path_components):
        """Find the page at the end of the path in one query, where Wagtail asks once per level.

        Wagtail walks the tree one slug at a time (a query for the child and one for its specific page,
        at every level). Here the deepest page whose `url_path` matches a prefix of the path is read at
        once and routes the rest itself. Where a page on the way routes sub-paths of its own (a routable
        page, or a type with its own `route`), its routes come before its children, so Wagtail's walk
        decides as before.
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = [self.url_path + "/".join(path_components[:end]) + "/" for end in range(1, len(path_components) + 1)]
        found = list(
            Page.objects.filter(path__startswith=self.path, depth__gt=self.depth, url_path__in=prefixes)
            .order_by("depth")
            .values_list("pk", "depth", "content_type_id")
        )
        if not found or [depth - self.depth for _, depth, _ in found] != list(range(1, len(found) + 1)):
            return super().route(request, path_components)
        models = [ContentType.objects.get_for_id(content_type).model_class() for _, _, content_type in found]
        if any(model is None for model in models):
            return super().route(request, path_components)
        # Stop at the first page on the way that routes the rest of the path itself: it decides.
        stop = next(
            (
                number
                for number, model in enumerate(models[:-1])
                if _routes_itself(model, path_components[number + 1 :])
            ),
            len(models) - 1,
        )
        queryset = models[stop].objects.all()
        related = getattr(models[stop], "serve_select_related", ())
        if related:  # select_related() without names would follow every foreign key
            queryset = queryset.select_related(*related)
        target = queryset.get(pk=found[stop][0])
        return target.route(request, path_components[stop + 1 :])

    @property
    def parent_url(self):
        """The parent page's address, read off this page's own: no query (a URL is its parent's plus a slug)."""
        url = self.url or ""
        return url[: url.rstrip("/").rfind("/") + 1]

    @property
    def summary(self):
        """The text shown for this page on cards and in meta descriptions."""
        return self.search_description or self.intro

    @property
    def social_image(self):
        """The image shown when the page is shared; page types with a hero image use it."""
        return getattr(self, "hero_image", None)


def _routes_itself(model, rest):
    """Whether a page type answers this rest of the path itself, before its children would."""
    if issubclass(model, RoutablePageMixin):
        try:
            model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
        except Resolver404:
            return False
        return True
    return model.route not in (BasePage.route, Page.route)


class HeroImageMixin(models.Model):
    """A large image at the top of a page, with its alternative text; also the image shown when shared."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("topbillede"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vises øverst på siden og når siden deles. Husk alternativ tekst."),
    )
    hero_image_alt = models.CharField(
        _("alternativ tekst til topbilledet"),
        max_length=250,
        blank=True,
        help_text=_("Beskriv billedet for dem, der ikke kan se det. Tom: billedet er pynt."),
    )

    class Meta:
        abstract = True


class HomePage(HeroImageMixin, BasePage):  # noqa: DJ008 (Page gives __str__)
    """The front page of the site: a hero and curated content."""

    featured = StreamField(
        [("item", FeaturedItemBlock())],
        blank=True,
        max_num=6,
        verbose_name=_("fremhævet indhold"),
        help_text=_("Op til seks sider, der vises øverst under topsektionen. Upublicerede sider skjules."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("indhold"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("intro"), FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading=_("Topsektion"),
        ),
        FieldPanel("featured"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.StandardPage",
        "cms.ThemeIndexPage",
        "strategies.MunicipalityIndexPage",
        "cases.MeetingIndexPage",
        "cases.ConferencePage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("forside")
        verbose_name_plural = _("forsider")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_items"] = featured_items(self)
        context["sections_html"] = rendered_home_sections(request, self)
        return context


class StandardPage(ThemedPageMixin, BasePage):
    """A page of text such as "Om netværket", membership, the accessibility statement or a guide on a theme."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("indhold"))

    # Cards label what kind of content they show; "Standardside" is the CMS's word, not a visitor's.
    kind_label = ""

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("themes")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standardside")
        verbose_name_plural = _("standardsider")

    def search_documents(self):
        """What the public search finds of this page: its text and the text of PDFs in its body."""
        yield page_document(
            self,
            kind=Kind.PAGE,
            dated=False,  # a standard page's text has no date of its own: last in "newest first"
            body=[stream_text(self.body)],
            documents=[
                child.value["document"]
                for child in self.body
                if child.block_type == "document" and child.value.get("document") is not None
            ],
        )
