import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def run_manage(*args, env_overrides):
    hidden = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in hidden}
    env.update({"DJANGO_SETTINGS_MODULE": "cms.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("overrides", "missing"),
    [
        ({}, "SECRET_KEY, ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 60}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "  ", "ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"),
    ],
)
def test_production_refuses_to_start_without_its_secrets(overrides, missing):
    result = run_manage("check", env_overrides=overrides)
    assert result.returncode != 0
    assert f"Production settings need these environment variables: {missing}" in result.stderr


def test_production_passes_the_deployment_checklist_when_configured():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "SECRET_KEY": "k3y-" + "abcdefghij" * 6,
            "ALLOWED_HOSTS": "gronnepartnerskaber.example",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_site_speaks_danish_first_in_copenhagen_time(settings):
    assert settings.LANGUAGE_CODE == "da"
    assert settings.TIME_ZONE == "Europe/Copenhagen"
    assert [code for code, _name in settings.LANGUAGES] == ["da", "en"]


def test_wagtail_search_uses_the_danish_configuration_on_postgresql(settings):
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.database"
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        assert backend["SEARCH_CONFIG"] == "danish"


def test_redis_url_switches_the_cache_to_redis():
    """With REDIS_URL set, the cache is the shared Redis server (running at 127.0.0.1:6379 here and in CI)."""
    script = (
        "from django.core.cache import caches; import uuid; cache = caches['default']; "
        "key = 'probe-' + uuid.uuid4().hex; "
        "cache.set(key, 'ok', 30); print(type(cache).__name__, cache.get(key)); cache.delete(key)"
    )
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "REDIS_URL": "redis://127.0.0.1:6379/15"})
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", script],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "DegradingRedisCache ok"
