"""Site-wide models: pages, site settings, the theme taxonomy and geographic reference data."""

from .geo import Municipality, Region
from .pages import BasePage, HeroImageMixin, HomePage, StandardPage
from .settings import NavigationSettings, SiteSettings
from .theme_pages import ThemeIndexPage
from .themes import PageTheme, Theme, ThemedPageMixin

__all__ = [
    "BasePage",
    "HeroImageMixin",
    "HomePage",
    "Municipality",
    "NavigationSettings",
    "PageTheme",
    "Region",
    "SiteSettings",
    "StandardPage",
    "Theme",
    "ThemeIndexPage",
    "ThemedPageMixin",
]
