"""The home page and the standard pages every site needs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock


class BasePage(Page):
    """Common ground for the site's page types: a short introduction shown under the title."""

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

    class Meta:
        abstract = True

    @property
    def summary(self):
        """The text shown for this page on cards and in meta descriptions."""
        return self.search_description or self.intro


class HomePage(BasePage):
    """The front page of the site: a hero and curated content."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("topbillede"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vises øverst på forsiden. Husk alternativ tekst på billedet."),
    )
    hero_image_alt = models.CharField(
        _("alternativ tekst til topbilledet"),
        max_length=250,
        blank=True,
        help_text=_("Beskriv billedet for dem, der ikke kan se det. Tom: billedet er pynt."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("indhold"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("intro"), FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading=_("Topsektion"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("forside")
        verbose_name_plural = _("forsider")


class StandardPage(BasePage):
    """A page of text such as "Om netværket", membership or the accessibility statement."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("indhold"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standardside")
        verbose_name_plural = _("standardsider")

    def search_documents(self):
        """What the public search finds of this page: its text and the text of PDFs in its body."""
        from django.utils import timezone

        from search.documents import SearchDocument, stream_text

        published = self.last_published_at or self.first_published_at
        themes = getattr(self, "themes", None)  # standard pages gain themes on main
        yield SearchDocument(
            key=f"page:{self.pk}",
            page_id=self.pk,
            title=self.title,
            kind="page",
            kind_label=str(_("Side")),
            url=self.get_url() or "",
            summary=self.summary,
            body=stream_text(self.body),
            themes=[theme.slug for theme in themes.all()] if themes is not None else [],
            date=timezone.localdate(published) if published else None,
            documents=[
                child.value["document"]
                for child in self.body
                if child.block_type == "document" and child.value.get("document") is not None
            ],
        )
