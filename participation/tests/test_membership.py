"""Membership sign-up: the form, its protections, the e-mails, the duplicate rule and approval."""

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.factories import UserFactory
from cms.models import Municipality
from cms.permissions import KL_EDITORS_GROUP, ensure_kl_editors_group
from participation.models import MembershipApplication, MembershipStatus
from participation.permissions import grant_kl_editors
from strategies.models import MunicipalityPage

from .utils import VALID_EAN, build_site, form_data, post

URL = "/deltag/medlemskab/"


@pytest.fixture
def site(db, settings):
    settings.PARTICIPATION_NOTIFY_EMAILS = ["redaktion@kl.example"]
    return build_site()


def valid(client, **overrides):
    values = {
        "municipality": "Odense Kommune",
        "year": str(timezone.localdate().year),
        "name": "Ole Olsen",
        "job_title": "Kulturkonsulent",
        "email": "ole@odense.example",
        "phone": "65 51 00 00",
        "ean": VALID_EAN,
        "order_reference": "PO-4711",
        "accept_terms": "on",
    }
    values.update(overrides)
    return form_data(client, URL, **values)


def test_form_page_sets_no_cookie_and_is_never_cached(site, client):
    response = client.get(URL)
    assert response.status_code == 200
    assert not response.cookies
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    body = response.content.decode()
    assert "7.000 kr. ekskl. moms" in body
    assert "Det gemmer vi, og derfor" in body
    assert body.count('<option value="') >= 98  # the searchable list of every municipality


def test_sign_up_stores_the_record_and_sends_both_e_mails(site, client):
    response = post(client, URL, valid(client, ean="5798 0004 1660 4"))
    assert response.status_code == 302
    assert response["Location"] == reverse("participation:membership_thanks")
    application = MembershipApplication.objects.get()
    assert application.municipality.short_name == "Odense"
    assert application.ean == VALID_EAN
    assert application.status == MembershipStatus.PENDING
    assert application.terms_accepted_at is not None
    assert not response.cookies
    to_member, to_editors = mail.outbox
    assert to_member.to == ["ole@odense.example"]
    assert "7.000 kr. ekskl. moms" in to_member.body
    assert to_editors.to == ["redaktion@kl.example"]
    assert "Odense Kommune" in to_editors.subject
    assert f"/admin/snippets/participation/membershipapplication/edit/{application.pk}/" in to_editors.body


def test_invalid_ean_is_explained_and_nothing_typed_is_lost(site, client):
    response = post(client, URL, valid(client, ean="5798000416605"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "forkert kontrolciffer" in body
    assert 'value="Ole Olsen"' in body and 'value="PO-4711"' in body and 'value="5798000416605"' in body
    assert not MembershipApplication.objects.exists()


def test_unknown_municipality_is_explained(site, client):
    response = post(client, URL, valid(client, municipality="Atlantis"))
    assert "Vi kender ingen kommune ved navn »Atlantis«" in response.content.decode()


def test_second_sign_up_for_the_same_year_gets_a_clear_message(site, client):
    post(client, URL, valid(client))
    response = post(client, URL, valid(client, name="Anden Person", email="anden@odense.example"))
    body = response.content.decode()
    assert response.status_code == 409
    assert "Odense Kommune er allerede tilmeldt netværket for" in body
    assert 'value="Anden Person"' in body
    assert MembershipApplication.objects.count() == 1


def test_double_submit_of_one_form_stores_one_record(site, client):
    data = valid(client)
    first = post(client, URL, data)
    second = post(client, URL, data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert MembershipApplication.objects.count() == 1
    assert len(mail.outbox) == 2


def test_post_from_another_site_is_refused(site, client):
    data = valid(client)
    assert post(client, URL, data, origin="https://evil.example").status_code == 403
    assert post(client, URL, data, origin=None).status_code == 403
    assert not MembershipApplication.objects.exists()


def test_forged_stamp_is_refused_and_the_form_kept(site, client):
    data = valid(client)
    data["form_stamp"] = data["form_stamp"][:-3] + "abc"
    response = post(client, URL, data)
    assert response.status_code == 400
    assert "Formularen kunne ikke genkendes" in response.content.decode()
    assert 'value="Ole Olsen"' in response.content.decode()


def test_honeypot_stores_nothing(site, client):
    response = post(client, URL, valid(client, website="http://spam.example"))
    assert response.status_code == 200
    assert not MembershipApplication.objects.exists()
    assert not mail.outbox


def test_rate_limit(site, client, settings):
    settings.PARTICIPATION_RATE_LIMIT = (2, 3600)
    for _attempt in range(2):
        post(client, URL, valid(client, ean="123"))
    response = post(client, URL, valid(client))
    assert response.status_code == 429
    assert "Vent lidt" in response.content.decode()


def test_kl_editor_approves_and_the_municipality_becomes_a_member(site, client):
    ensure_kl_editors_group()
    grant_kl_editors()
    editor = UserFactory(username="kl", groups=[Group.objects.get(name=KL_EDITORS_GROUP)])
    post(client, URL, valid(client))
    application = MembershipApplication.objects.get()
    odense = Municipality.objects.get(short_name="Odense")
    assert not MunicipalityPage.objects.filter(municipality=odense).exists()
    coverage = client.get("/kommuner/daekning/").content.decode()

    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_participation_membershipapplication:list"))
    assert "Odense Kommune" in listing.content.decode()
    assert "Godkend" in listing.content.decode()
    export = client.get(reverse("wagtailsnippets_participation_membershipapplication:list") + "?export=csv")
    csv_text = b"".join(export.streaming_content).decode()
    assert "Odense Kommune" in csv_text and VALID_EAN in csv_text
    filtered = client.get(reverse("wagtailsnippets_participation_membershipapplication:list") + "?status=approved")
    assert "Ole Olsen" not in filtered.content.decode()

    approve_url = reverse("wagtailsnippets_participation_membershipapplication:approve", args=[application.pk])
    assert "Ja, godkend" in client.get(approve_url).content.decode()
    mail.outbox.clear()
    client.post(approve_url)
    application.refresh_from_db()
    assert application.status == MembershipStatus.APPROVED
    assert application.decided_by == editor
    page = MunicipalityPage.objects.get(municipality=odense)
    assert page.live and page.member_since == application.year
    assert mail.outbox[0].to == ["ole@odense.example"]
    client.logout()
    assert client.get("/kommuner/odense/").status_code == 200
    assert client.get("/kommuner/daekning/").content.decode() != coverage
    assert 'href="/kommuner/odense/"' in client.get("/kommuner/").content.decode()
