"""Admin registration for the site-wide snippets: themes and geographic reference data."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import Municipality, Organisation, Person, Region, Theme
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


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisationer")
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind", "municipality__region"]
    search_fields = ["name", "description"]
    search_backend_name = None  # database search, as PersonViewSet (Wagtail's SQLite backend limits)
    ordering = ["name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Personer")
    list_display = ["name", "job_title", "organisation", "photo_consent"]
    list_filter = ["photo_consent"]
    search_fields = ["name", "job_title", "organisation_name"]
    # Search the listing in the database (icontains on search_fields): organisation_name is not in the
    # model's search index, and Wagtail's SQLite backend cannot limit a search to fields (issue 11).
    search_backend_name = None
    ordering = ["name"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PersonViewSet)
    menu_icon = "group"
    menu_label = _("Organisationer og personer")
    menu_name = "directory"
    menu_order = 205


register_snippet(ThemeViewSet)
register_snippet(DirectoryViewSetGroup)
register_snippet(GeographyViewSetGroup)


@hooks.register("home_page_sections")
def theme_tiles_section(request, home_page):
    """Tiles for the themes that have published content, with their counts."""
    from cms.home import HomeSection
    from cms.themes import themes_with_counts

    themes = [theme for theme in themes_with_counts() if theme.item_count]
    if not themes:
        return None
    return HomeSection(key="themes", order=60, template="cms/home/themes_section.html", context={"themes": themes})
