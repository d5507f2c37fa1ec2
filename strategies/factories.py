"""Factories for the strategies app's pages; organisations and people come from directory.factories."""

import factory
import wagtail_factories

from cms.models import Municipality
from directory.factories import PersonFactory
from strategies.models import ActionPlanPage, MunicipalityIndexPage, MunicipalityPage, StrategyPage


class MunicipalityIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MunicipalityIndexPage

    title = "Kommuner"
    slug = "kommuner"


class MunicipalityPageFactory(wagtail_factories.PageFactory):
    """A member municipality's page; pass `municipality=` or get the next one without a page."""

    class Meta:
        model = MunicipalityPage

    municipality = factory.LazyFunction(lambda: Municipality.objects.filter(member_page__isnull=True).first())
    title = factory.LazyAttribute(lambda o: o.municipality.name)
    slug = factory.LazyAttribute(lambda o: o.municipality.slug)


class StrategyPageFactory(wagtail_factories.PageFactory):
    """A published strategy; give `parent=` a MunicipalityPage."""

    class Meta:
        model = StrategyPage

    title = factory.Sequence(lambda n: f"Strategi {n}")
    slug = factory.Sequence(lambda n: f"strategi-{n}")
    status = "vedtaget"
    period_start = 2025
    period_end = 2028
    intro = factory.LazyAttribute(lambda o: f"Resumé af {o.title.lower()}.")
    contact = factory.SubFactory(PersonFactory)


class ActionPlanPageFactory(wagtail_factories.PageFactory):
    """An action plan; give `parent=` a MunicipalityPage and `strategy=` a strategy under it."""

    class Meta:
        model = ActionPlanPage

    title = factory.Sequence(lambda n: f"Handlingsplan {n}")
    slug = factory.Sequence(lambda n: f"handlingsplan-{n}")
    period_start = 2025
    period_end = 2026
