"""The scheduled jobs: the crontab and the systemd timers run the same management commands, each of them
exists, and the production guide names every job and enables every timer."""

import re
from pathlib import Path

from django.core.management import get_commands

import pytest

pytestmark = pytest.mark.django_db  # the root conftest's set-up expects a database

ROOT = Path(__file__).resolve().parent.parent
SYSTEMD = ROOT / "deploy" / "systemd"


def crontab_jobs():
    lines = [line for line in (ROOT / "deploy" / "crontab").read_text().splitlines() if line and line[0] != "#"]
    commands = {m.group(1) for line in lines if (m := re.search(r"manage\.py (\w+)", line))}
    scripts = {m.group(1) for line in lines if (m := re.search(r"(deploy/\S+\.sh)", line))}
    return commands, scripts


def timer_jobs():
    commands, services = set(), set()
    for timer in SYSTEMD.glob("*.timer"):
        named = re.search(r"^Unit=(\S+)$", timer.read_text(), flags=re.M)
        unit = named.group(1) if named else timer.with_suffix(".service").name  # systemd's default
        if match := re.fullmatch(r"gronne-manage@(\w+)\.service", unit):
            commands.add(match.group(1))
        else:
            services.add(unit)
    return commands, services


def test_crontab_and_timers_run_the_same_commands_and_each_exists():
    cron_commands, cron_scripts = crontab_jobs()
    timer_commands, timer_services = timer_jobs()
    assert cron_commands == timer_commands
    assert cron_commands <= set(get_commands()), cron_commands - set(get_commands())
    for script in cron_scripts:
        assert (ROOT / script).exists(), script
    for service in timer_services:
        assert (SYSTEMD / service).exists(), service
        assert any(script in (SYSTEMD / service).read_text() for script in cron_scripts), service


def test_the_production_guide_names_every_job_and_enables_every_timer():
    guide = (ROOT / "docs" / "production.md").read_text()
    commands, _ = timer_jobs()
    for command in commands:
        assert f"`manage.py {command}" in guide, command
    for timer in SYSTEMD.glob("*.timer"):
        assert timer.name in guide, f"{timer.name} is not enabled in docs/production.md"
