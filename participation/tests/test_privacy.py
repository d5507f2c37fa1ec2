"""Retention deletion and a KL editor's export and erasure of one person's data."""

import datetime
import json
from io import StringIO

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.factories import UserFactory
from cms.permissions import KL_EDITORS_GROUP, ensure_kl_editors_group
from participation import registration
from participation.models import (
    AlertKind,
    MembershipApplication,
    MembershipStatus,
    Registration,
    RegistrationStatus,
    Subscription,
)
from participation.permissions import grant_kl_editors

from .utils import VALID_EAN, build_site, conference_setup, open_registration


@pytest.fixture
def site(db):
    return build_site()


def application(site, **fields):
    values = {
        "municipality": site["aarhus"],
        "year": timezone.localdate().year,
        "name": "Anna",
        "job_title": "Konsulent",
        "email": "anna@aarhus.example",
        "phone": "1",
        "ean": VALID_EAN,
        "terms_accepted_at": timezone.now(),
    }
    return MembershipApplication.objects.create(**(values | fields))


def test_retention_deletes_what_is_past_its_time(site):
    setup = conference_setup(site)
    kept = registration.register(setup, name="Ny", email="ny@example.com", role="guest")
    meeting = site["meeting"]
    meeting.date = timezone.localdate() - datetime.timedelta(days=91)
    meeting.save_revision().publish()
    old_setup = open_registration(meeting, "members")
    old = Registration.objects.create(
        setup=old_setup, name="Gammel", email="g@example.com", role="member", status="confirmed"
    )
    fresh_subscription = Subscription.objects.create(email="a@example.com", kind=AlertKind.CASES)
    stale_subscription = Subscription.objects.create(
        email="b@example.com", kind=AlertKind.CASES, created_at=timezone.now() - datetime.timedelta(days=8)
    )
    current = application(site)
    ancient = application(site, year=timezone.localdate().year - 6, email="old@aarhus.example")
    rejected = application(
        site,
        year=timezone.localdate().year + 1,
        status=MembershipStatus.REJECTED,
        decided_at=timezone.now() - datetime.timedelta(days=91),
    )
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "registrations: deleted 1" in out.getvalue()
    assert list(Registration.objects.all()) == [kept]
    assert list(Subscription.objects.all()) == [fresh_subscription]
    assert list(MembershipApplication.objects.all()) == [current]
    assert not Registration.objects.filter(pk=old.pk).exists()
    for gone in (stale_subscription, ancient, rejected):
        assert not type(gone).objects.filter(pk=gone.pk).exists()


def test_kl_editor_exports_and_erases_one_person(site, client, django_capture_on_commit_callbacks):
    setup = conference_setup(site, capacity=1)
    registration.register(setup, name="Anna", email="anna@aarhus.example", role="guest")
    waiting = registration.register(setup, name="Bo", email="bo@example.com", role="guest")
    assert waiting.status == RegistrationStatus.WAITING
    application(site)
    Subscription.objects.create(email="Anna@Aarhus.example", kind=AlertKind.CASES)
    Subscription.objects.create(email="other@example.com", kind=AlertKind.CASES)
    ensure_kl_editors_group()
    grant_kl_editors()
    client.force_login(UserFactory(username="kl", groups=[Group.objects.get(name=KL_EDITORS_GROUP)]))
    url = reverse("participation_personal_data:index")

    found = client.get(url, {"email": "anna@aarhus.example"}).content.decode()
    assert "3 oplysninger om anna@aarhus.example" in found
    export = client.get(url, {"email": "anna@aarhus.example", "format": "json"})
    data = json.loads(export.content)
    assert data["medlemstilmeldinger"][0]["ean"] == VALID_EAN
    assert data["tilmeldinger"][0]["arrangement"] == "Konference"
    assert len(data["abonnementer"]) == 1

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "anna@aarhus.example", "erase": "1"})
    assert response.status_code == 302
    assert not MembershipApplication.objects.exists()
    assert list(Subscription.objects.values_list("email", flat=True)) == ["other@example.com"]
    assert list(Registration.objects.values_list("email", flat=True)) == ["bo@example.com"]
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED  # Anna's place went to the waiting list
    assert [message.to for message in mail.outbox] == [["bo@example.com"]]


def test_only_kl_editors_see_personal_data(site, client):
    client.force_login(UserFactory(username="someone"))
    response = client.get(reverse("participation_personal_data:index"))
    assert response.status_code in (302, 403)
