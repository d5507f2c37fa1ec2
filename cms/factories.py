"""Factories for tests and bulk data; every value is computed per instance."""

from django.contrib.auth import get_user_model
from django.utils.text import slugify

import factory
import wagtail_factories

from cms.models import HomePage, StandardPage, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"tema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name, allow_unicode=True))
    description = factory.LazyAttribute(lambda o: f"Alt om {o.name}.")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Grønne partnerskaber"
    slug = factory.Sequence(lambda n: f"forside-{n}")
    intro = "Netværket for grønne partnerskaber mellem kommuner og kulturliv."


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standardside {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title, allow_unicode=True))
    intro = factory.LazyAttribute(lambda o: f"Introduktion til {o.title.lower()}.")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"bruger{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or "test-password")
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
