"""Fixtures shared by every app's tests."""

import pytest


@pytest.fixture
def home_page(db):
    """A published home page served by the default site, as load_demo makes it."""
    from cms.demo.base import ensure_home_page
    from cms.models import HomePage

    home, _created = ensure_home_page(HomePage, title="Grønne partnerskaber", intro="Forsiden.")
    return home


DATABASE_FIXTURES = {"db", "transactional_db", "migrated_db", "live_server", "django_db_serialized_rollback"}


def _uses_database(item):
    return item.get_closest_marker("django_db") is not None or bool(DATABASE_FIXTURES & set(item.fixturenames))


@pytest.fixture(scope="session", autouse=True)
def migrated_state(request, django_db_blocker):
    """The database as migrations leave it, serialized once before any test changes it.

    pytest-django creates the test database only when a collected test uses it; a run of tests
    that need none (such as tests/test_front.py alone) has nothing to serialize.
    """
    if not any(_uses_database(item) for item in request.session.items):
        return None
    request.getfixturevalue("django_db_setup")
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def _restore_serialized_state(migrated_state):
    from django.db import connections

    connections["default"]._test_serialized_contents = migrated_state


@pytest.fixture
def migrated_db(_restore_serialized_state, django_db_serialized_rollback, transactional_db):
    """A transactional database that starts as migrations left it (root page, municipalities, themes).

    Django restores that state from `migrated_state` before each such test. It keeps the
    serialized copy on the connection object, which pytest's unittest runs can replace, so it is
    put back here before the database fixture runs.
    """


@pytest.fixture(autouse=True)
def _fresh_content_cache():
    """Each test starts a new content generation: what an earlier test cached went with its rolled-back rows."""
    from cms import content_cache

    content_cache.new_generation()


@pytest.fixture(autouse=True)
def _danish_after_each_test():
    """A request under /en/ leaves English active in the thread; start every test in Danish again."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
