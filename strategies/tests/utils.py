"""A small strategies tree for tests: /kommuner/ with Aarhus and Odense, each with a strategy and a plan."""

import datetime

from django.contrib.auth.models import Group

from cms.factories import UserFactory
from cms.models import Municipality
from cms.permissions import KL_EDITORS_GROUP, ensure_kl_editors_group
from cms.tests.utils import make_home_page
from strategies.factories import (
    ActionPlanPageFactory,
    MunicipalityIndexPageFactory,
    MunicipalityPageFactory,
    StrategyPageFactory,
)
from strategies.models import Action


def publish(page):
    """Publish through a revision, as the admin does (sets last_published_at)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_tree(test_case):
    """Attach home, index, municipalities, strategies, plans and users to a TestCase class."""
    cls = test_case
    cls.home = make_home_page()
    cls.index = MunicipalityIndexPageFactory(parent=cls.home)
    cls.aarhus = Municipality.objects.get(short_name="Aarhus")
    cls.odense = Municipality.objects.get(short_name="Odense")
    cls.aarhus_page = MunicipalityPageFactory(parent=cls.index, municipality=cls.aarhus)
    cls.odense_page = MunicipalityPageFactory(parent=cls.index, municipality=cls.odense)
    cls.aarhus_strategy = publish(
        StrategyPageFactory(parent=cls.aarhus_page, title="Aarhus' grønne kulturstrategi", status="i-gang")
    )
    cls.odense_strategy = publish(StrategyPageFactory(parent=cls.odense_page, title="Odenses grønne kulturstrategi"))
    cls.aarhus_plan = ActionPlanPageFactory(parent=cls.aarhus_page, strategy=cls.aarhus_strategy)
    Action.objects.bulk_create(
        [
            Action(page=cls.aarhus_plan, title="Reparationscafé", status="gennemfoert", sort_order=0),
            Action(page=cls.aarhus_plan, title="Frøbibliotek", status="i-gang", sort_order=1),
            Action(
                page=cls.aarhus_plan,
                title="Byttemarked",
                status="planlagt",
                sort_order=2,
                start_date=datetime.date(2025, 3, 1),
                budget=125000,
            ),
        ]
    )
    cls.aarhus_plan = publish(cls.aarhus_plan)
    ensure_kl_editors_group()
    cls.kl_editor = UserFactory(username="kl", groups=[Group.objects.get(name=KL_EDITORS_GROUP)])
    cls.aarhus_editor = UserFactory(username="aarhus", groups=[Group.objects.get(name="Redaktører: Aarhus Kommune")])
    cls.odense_editor = UserFactory(username="odense", groups=[Group.objects.get(name="Redaktører: Odense Kommune")])
