"""Registration for meetings and the conference: rules, waiting list, personal link, e-mails, admin."""

import datetime

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.factories import UserFactory
from cms.permissions import KL_EDITORS_GROUP, ensure_kl_editors_group
from participation import links
from participation.models import Registration, RegistrationStatus
from participation.permissions import grant_kl_editors

from .utils import build_site, conference_setup, form_data, meeting_setup, post


@pytest.fixture
def site(db):
    return build_site()


def register(client, setup, **values):
    url = f"/deltag/tilmelding/{setup.page_id}/"
    return post(client, url, form_data(client, url, **values))


def member(**overrides):
    return {"name": "Anna Andersen", "email": "anna@aarhus.example", "municipality": "Aarhus", "role": "member"} | (
        overrides
    )


def test_the_event_page_links_to_the_form_and_the_form_sets_no_cookie(site, client):
    setup = meeting_setup(site)
    page = client.get(site["meeting"].url).content.decode()
    assert f'href="/deltag/tilmelding/{setup.page_id}/"' in page
    response = client.get(f"/deltag/tilmelding/{setup.page_id}/")
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert "Medlemmer og deres ledsagere" in response.content.decode()


def test_member_registers_and_gets_the_ics_and_a_personal_link(site, client):
    setup = meeting_setup(site)
    response = register(client, setup, **member())
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    message = mail.outbox[0]
    assert message.to == ["anna@aarhus.example"]
    assert message.subject.startswith("Tilmelding bekræftet")
    (filename, ics, mimetype) = message.attachments[0]
    assert filename.endswith(".ics") and "text/calendar" in mimetype
    assert "BEGIN:VEVENT" in ics.decode() if isinstance(ics, bytes) else "BEGIN:VEVENT" in ics
    assert "SUMMARY:Netværksmøde om grøn dannelse" in (ics.decode() if isinstance(ics, bytes) else ics)
    manage = links.registration_url(registration)
    assert manage in message.body
    detail = client.get(response["Location"])
    assert "Du er tilmeldt" in detail.content.decode()


def test_meetings_are_for_member_municipalities_with_one_member_and_one_companion(site, client):
    setup = meeting_setup(site)
    refused = register(client, setup, **member(municipality="Odense", email="o@odense.example"))
    assert "Vi kender ingen kommune ved navn »Odense«" in refused.content.decode()
    register(client, setup, **member())
    register(client, setup, **member(name="Ledsager", email="ledsager@aarhus.example", role="companion"))
    second_member = register(client, setup, **member(name="Bo", email="bo@aarhus.example"))
    assert "Aarhus Kommune har allerede tilmeldt sit faste medlem" in second_member.content.decode()
    second_companion = register(client, setup, **member(name="Cy", email="cy@aarhus.example", role="companion"))
    assert "allerede tilmeldt en ledsager" in second_companion.content.decode()
    assert Registration.objects.count() == 2


def test_duplicate_registration_is_explained_and_the_link_resent(site, client):
    setup = conference_setup(site)
    register(client, setup, name="Bo", email="bo@example.com")
    mail.outbox.clear()
    again = register(client, setup, name="Bo igen", email="BO@example.com")
    assert again.status_code == 409
    assert "er allerede tilmeldt" in again.content.decode()
    assert 'value="Bo igen"' in again.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["bo@example.com"]


def test_conference_is_open_to_anyone_and_free_for_members(site, client):
    setup = conference_setup(site)
    register(client, setup, name="Borger", email="borger@example.com")
    register(client, setup, name="Anna", email="anna@aarhus.example", municipality="Aarhus Kommune")
    guest, member_guest = Registration.objects.order_by("pk")
    assert guest.role == "guest" and member_guest.role == "member_guest"
    assert "gratis for netværkets medlemskommuner" in mail.outbox[1].body


def test_full_event_puts_people_on_the_waiting_list_which_moves_up_on_cancellation(site, client):
    setup = conference_setup(site, capacity=1)
    register(client, setup, name="Først", email="first@example.com")
    register(client, setup, name="Anden", email="second@example.com")
    first, second = Registration.objects.order_by("pk")
    assert second.status == RegistrationStatus.WAITING
    assert mail.outbox[1].subject.startswith("Du er på venteliste")
    assert not mail.outbox[1].attachments
    form_page = client.get(f"/deltag/tilmelding/{setup.page_id}/").content.decode()
    assert "nye tilmeldinger kommer på venteliste" in form_page
    waiting_page = client.get(links.registration_url(second)).content.decode()
    assert "nummer 1 på ventelisten" in waiting_page

    mail.outbox.clear()
    url = links.registration_url(first)
    assert post(client, url, {}, origin=None).status_code == 403  # a cancellation must come from the page
    response = post(client, url, {})
    assert "Du er nu afmeldt" in response.content.decode()
    second.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects[0].startswith("Afmelding modtaget")
    assert subjects[1].startswith("Du har fået en plads")
    moved_up = next(message for message in mail.outbox if message.subject.startswith("Du har fået"))
    assert moved_up.to == ["second@example.com"] and moved_up.attachments


def test_registration_closes_itself_at_the_deadline(site, client):
    setup = conference_setup(site)
    data = form_data(client, f"/deltag/tilmelding/{setup.page_id}/", name="Sen", email="sen@example.com")
    setup.deadline = timezone.now() - datetime.timedelta(minutes=1)
    setup.save()
    response = post(client, f"/deltag/tilmelding/{setup.page_id}/", data)
    assert response.status_code == 409
    assert "Tilmeldingsfristen er overskredet" in response.content.decode()
    assert not Registration.objects.exists()
    assert "Tilmeldingen er lukket" in client.get(site["conference"].url).content.decode()


def test_forged_and_expired_links_get_a_danish_message(site, client, settings):
    setup = conference_setup(site)
    register(client, setup, name="Bo", email="bo@example.com")
    url = links.registration_url(Registration.objects.get())
    forged = client.get(url[:-3] + "xyz/")
    assert forged.status_code == 404
    assert "Linket er ikke gyldigt" in forged.content.decode()
    settings.PARTICIPATION_LINK_MAX_AGE = -1
    expired = client.get(url)
    assert "Linket er udløbet" in expired.content.decode()


def test_kl_editor_lists_counts_and_exports(site, client):
    setup = conference_setup(site, capacity=1)
    register(client, setup, name="Først", email="first@example.com")
    register(client, setup, name="Anden", email="second@example.com")
    ensure_kl_editors_group()
    grant_kl_editors()
    client.force_login(UserFactory(username="kl", groups=[Group.objects.get(name=KL_EDITORS_GROUP)]))
    setups = client.get(reverse("wagtailsnippets_participation_registrationsetup:list")).content.decode()
    assert "Konference" in setups
    listing_url = reverse("wagtailsnippets_participation_registration:list")
    waiting = client.get(listing_url + "?status=waiting").content.decode()
    assert "second@example.com" in waiting and "first@example.com" not in waiting
    export = client.get(listing_url + f"?setup={setup.pk}&export=csv")
    csv_text = b"".join(export.streaming_content).decode()
    assert "Arrangement,Navn,E-mail" in csv_text
    assert "first@example.com" in csv_text and "second@example.com" in csv_text


def test_raising_the_capacity_moves_the_waiting_list_up(site, client, django_capture_on_commit_callbacks):
    setup = conference_setup(site, capacity=1)
    register(client, setup, name="Først", email="first@example.com")
    register(client, setup, name="Anden", email="second@example.com")
    mail.outbox.clear()
    setup.capacity = 2
    with django_capture_on_commit_callbacks(execute=True):
        setup.save()
    assert Registration.objects.get(email="second@example.com").status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mail.outbox] == [["second@example.com"]]
    assert mail.outbox[0].subject.startswith("Du har fået en plads")
