"""Factories for the cases app's tests and bulk data; values are computed per instance."""

import datetime

from django.utils.text import slugify

import factory
import wagtail_factories

from directory.factories import PersonFactory

from .models import CasePage, ConferencePage, MeetingIndexPage, MeetingPage, WorkshopOutputPage


class MeetingIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MeetingIndexPage

    title = "Netværksmøder"
    slug = "netvaerksmoeder"
    intro = "Netværkets møder."


class MeetingPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MeetingPage

    title = factory.Sequence(lambda n: f"Netværksmøde {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    intro = factory.LazyAttribute(lambda o: f"Om {o.title.lower()}.")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=7 * n))
    start_time = datetime.time(10, 0)
    end_time = datetime.time(15, 0)
    venue_name = "KL-huset"
    venue_address = "Weidekampsgade 10\n2300 København S"
    city = "København"


class CasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CasePage

    title = factory.Sequence(lambda n: f"Case {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    intro = factory.LazyAttribute(lambda o: f"Om {o.title.lower()}.")
    contact_person = factory.SubFactory(PersonFactory)


class WorkshopOutputPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkshopOutputPage

    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    question = "Hvordan bliver kulturinstitutionen et grønt mødested?"


class ConferencePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ConferencePage

    title = factory.Sequence(lambda n: f"Konference {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    date = datetime.date(2026, 12, 3)
    start_time = datetime.time(9, 30)
    end_time = datetime.time(16, 0)
    venue_name = "KL-huset"
    city = "København"
