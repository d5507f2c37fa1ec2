"""Admin registration for the site-wide snippets: themes and geographic reference data."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.choosers import searchable_chooser_viewset
from cms.home import HomeSection
from cms.models import Municipality, Region, Theme
from cms.navigation_history import navigation_history
from cms.themes import themes_with_counts
from security.deletion import GuardedDeleteView


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Temaer")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "colour", "sort_order"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]
    delete_view_class = GuardedDeleteView  # refused while pages or actions use the theme
    # The slug is made from the name when the theme is created and then kept, so links last.
    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("colour"), FieldPanel("sort_order")]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Kommuner")
    list_display = ["name", "code", "region", "population"]
    list_filter = ["region"]
    search_fields = ["name", "short_name"]
    ordering = ["short_name"]
    # 98 municipalities: the chooser searches by name or municipality code instead of paging.
    chooser_viewset_class = searchable_chooser_viewset(
        ["name", "short_name"], number_field="code", placeholder=_("Søg efter kommune eller kommunekode")
    )
    chooser_per_page = 20


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    menu_label = _("Regioner")
    list_display = ["name", "code"]
    delete_view_class = GuardedDeleteView  # refused while municipalities belong to the region


class GeographyViewSetGroup(SnippetViewSetGroup):
    items = (MunicipalityViewSet, RegionViewSet)
    menu_icon = "site"
    menu_label = _("Geografi")
    menu_name = "geography"
    menu_order = 210


register_snippet(ThemeViewSet)
register_snippet(GeographyViewSetGroup)


@hooks.register("home_page_sections")
def theme_tiles_section(request, home_page):
    """Tiles for the themes that have published content, with their counts."""
    themes = [theme for theme in themes_with_counts() if theme.item_count]
    if not themes:
        return None
    return HomeSection(key="themes", order=60, template="cms/home/themes_section.html", context={"themes": themes})


@hooks.register("register_admin_urls")
def navigation_history_url():
    return [path("navigation/historik/", navigation_history, name="cms_navigation_history")]
