"""Factories for organisations and people, shared by every app's tests and bulk data."""

import factory

from .models import Organisation, Person


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Eksempel-organisation {n}")
    kind = Organisation.Kind.LIBRARY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    job_title = "Kulturkonsulent"
    work_email = factory.Sequence(lambda n: f"person{n}@example.org")
