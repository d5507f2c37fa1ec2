"""Helpers for the site's tests."""

from cms.demo.base import ensure_home_page
from cms.models import HomePage


def make_home_page():
    home, _created = ensure_home_page(HomePage, title="Grønne partnerskaber", intro="Forsiden.")
    return home
