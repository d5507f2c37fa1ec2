"""Site settings editors manage: contact details, footer and navigation."""

from django.db import models
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PreviewableMixin, RevisionMixin, Site

from cms import content_cache
from cms.blocks import LinkBlock
from security.visibility import page_is_visible


class SharedSiteSetting(BaseSiteSetting):
    """A site setting that anonymous visitors read from the cache until content changes (cms.content_cache)."""

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request):
        if hasattr(request, cls.get_cache_attr_name()) or not content_cache.shared_view(request):
            return super().for_request(request)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        instance = content_cache.cached(f"setting:{cls._meta.label_lower}:{site.pk}", lambda: cls.for_site(site))
        instance._request = request
        setattr(request, cls.get_cache_attr_name(), instance)
        return instance


@register_setting(icon="mail")
class SiteSettings(SharedSiteSetting):
    """The network's contact details and the text in the footer of every page."""

    organisation_name = models.CharField(_("organisation"), max_length=200, default="KL – Kommunernes Landsforening")
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    address = models.TextField(_("adresse"), blank=True)
    footer_text = RichTextField(_("tekst i sidefoden"), blank=True, features=["bold", "italic", "link"])
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("standardbillede ved deling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vises, når en side uden eget billede deles på sociale medier."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
            ],
            heading=_("Kontakt"),
        ),
        FieldPanel("footer_text"),
        FieldPanel("share_image"),
    ]

    class Meta:
        verbose_name = _("indstillinger for sitet")

    @classmethod
    def base_queryset(cls):
        return super().base_queryset().select_related("share_image")  # shown on every page's sharing tags


@register_setting(icon="list-ul")
class NavigationSettings(PreviewableMixin, RevisionMixin, BaseSiteSetting):
    """The main menu at the top of every page and the links in the footer.

    Every save keeps a version (RevisionMixin: Wagtail's edit action saves one and logs who saved it), so
    *Navigationshistorik* (cms/navigation_history.py) shows who changed which menu item when. The preview
    panel shows the site's header and footer with the menus as they are in the form, before saving.
    """

    main_menu = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("hovedmenu"),
        help_text=_("Punkterne i hovedmenuen, i den rækkefølge de skal vises."),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("links i sidefoden"),
        help_text=_("Fx om netværket, tilgængelighedserklæring og kontakt."),
    )

    panels = [
        HelpPanel(
            format_lazy(
                '<p>{}</p><p><a href="{}">{}</a></p>',
                _(
                    "Ændringer i menuerne vises på hele sitet, så snart du gemmer. Se dem først med "
                    "Forhåndsvisning i panelet til højre."
                ),
                reverse_lazy("cms_navigation_history"),
                _("Se historikken: hvem der har ændret hvad og hvornår"),
            ),
            heading=_("Før du gemmer"),
        ),
        FieldPanel("main_menu"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("navigation")

    def get_preview_template(self, request, mode_name):
        return "cms/navigation_preview.html"

    def get_preview_context(self, request, mode_name):
        # The menu template tags read the request's navigation first (cms.templatetags.site_tags._navigation).
        request._navigation_settings = self
        return {"request": request, "navigation": self}

    @staticmethod
    def resolve(stream, request=None):
        """Turn menu blocks into (title, url, page) tuples, skipping pages the visitor may not see.

        A page is left out unless it is live and its privacy settings let this visitor in
        (security.visibility); without a request, only public pages are kept.
        """
        items = []
        for block in stream:
            value = block.value
            page = value.get("page")
            if page is not None:
                page = page.specific_deferred if hasattr(page, "specific_deferred") else page
                if not page_is_visible(page, request):
                    continue
                items.append((value.get("title") or page.title, page.url, page))
            elif value.get("url"):
                items.append((value.get("title") or value["url"], value["url"], None))
        return items
