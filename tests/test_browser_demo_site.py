"""The browser tests' demo site is the demo, whatever copy of the database the connection held before."""

from urllib.request import urlopen

from django.db import connections

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def migrated_copy_on_the_connection(migrated_state):
    """As at the start of a session: the connection holds the migrated copy (module scope: set before the
    function-scoped fixtures, so before the database is set up for the test)."""
    connections["default"]._test_serialized_contents = migrated_state


def test_the_demo_site_serves_the_demo_home_page(migrated_copy_on_the_connection, demo_site):
    html = urlopen(demo_site.url + "/").read().decode()  # noqa: S310 (the test's own server)
    assert "Welcome to your new Wagtail site" not in html
    assert 'class="main-nav' in html
    assert 'rel="icon"' in html
