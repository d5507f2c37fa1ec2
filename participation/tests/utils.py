"""A small site for the participation tests: home, /kommuner/ with Aarhus, meetings, the conference."""

import datetime

from django.utils import timezone

from cases.factories import ConferencePageFactory, MeetingIndexPageFactory, MeetingPageFactory
from cms.factories import StandardPageFactory
from cms.models import Municipality
from cms.tests.utils import make_home_page
from participation.models import Audience, RegistrationSetup
from strategies.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory

VALID_EAN = "5798000416604"  # a GS1 number with a correct check digit (see test_ean)
SITE_ORIGIN = "http://testserver"


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_site():
    """Pages the forms hang on; Aarhus is a member (a published page), Odense is not."""
    home = make_home_page()
    municipality_index = publish(MunicipalityIndexPageFactory(parent=home, title="Kommuner", slug="kommuner"))
    aarhus = Municipality.objects.get(short_name="Aarhus")
    aarhus_page = publish(MunicipalityPageFactory(parent=municipality_index, municipality=aarhus))
    membership_page = publish(StandardPageFactory(parent=home, title="Medlemskab", slug="medlemskab"))
    meeting_index = publish(MeetingIndexPageFactory(parent=home, membership_page=membership_page))
    in_a_month = timezone.localdate() + datetime.timedelta(days=30)
    meeting = publish(MeetingPageFactory(parent=meeting_index, title="Netværksmøde om grøn dannelse", date=in_a_month))
    conference = publish(ConferencePageFactory(parent=home, title="Konference", slug="konference", date=in_a_month))
    return {
        "home": home,
        "municipality_index": municipality_index,
        "aarhus": aarhus,
        "aarhus_page": aarhus_page,
        "membership_page": membership_page,
        "meeting_index": meeting_index,
        "meeting": meeting,
        "conference": conference,
    }


def open_registration(page, audience, capacity=10, deadline=None):
    deadline = deadline or timezone.now() + datetime.timedelta(days=7)
    return RegistrationSetup.objects.create(page=page, audience=audience, capacity=capacity, deadline=deadline)


def meeting_setup(site, capacity=10):
    return open_registration(site["meeting"], Audience.MEMBERS, capacity)


def conference_setup(site, capacity=10):
    return open_registration(site["conference"], Audience.PUBLIC, capacity)


def form_data(client, url, **values):
    """The form's hidden stamp from a GET of the page, plus the given values."""
    response = client.get(url)
    assert response.status_code == 200
    stamp = response.context["form"]["form_stamp"].value()
    return {"form_stamp": stamp, "website": "", **values}


def post(client, url, data, origin=SITE_ORIGIN, **extra):
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return client.post(url, data, **headers, **extra)
