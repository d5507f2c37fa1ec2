"""Content for the open-data tests: published, draft, in-moderation and restricted pages of every kind."""

import datetime

from wagtail.models import PageViewRestriction

from api.sources import Action, CaseMunicipality, Theme, WorkshopFacilitator
from cases.factories import CasePageFactory, MeetingIndexPageFactory, MeetingPageFactory, WorkshopOutputPageFactory
from directory.factories import OrganisationFactory, PersonFactory
from strategies.factories import ActionPlanPageFactory, StrategyPageFactory
from strategies.tests.utils import build_tree, publish


def build_open_data(cls):
    """build_tree's strategies (Aarhus, Odense) plus pages that must never appear, a meeting, a case, a workshop."""
    build_tree(cls)
    cls.themes = list(Theme.objects.order_by("sort_order", "name")[:2])
    cls.aarhus_strategy.themes.add(cls.themes[0])
    cls.aarhus_strategy.period_start, cls.aarhus_strategy.period_end = 2025, 2028
    cls.partner = OrganisationFactory(name="Aarhus Hovedbibliotek", municipality=cls.aarhus)
    cls.aarhus_strategy.partners.add(cls.partner)
    publish(cls.aarhus_strategy)
    cls.aarhus_plan.themes.add(cls.themes[1])
    publish(cls.aarhus_plan)
    action = Action.objects.get(title="Byttemarked")
    action.responsible = cls.partner
    action.save()

    # Never shown: a draft, a page behind a password, a new page waiting for approval.
    cls.draft = StrategyPageFactory(parent=cls.aarhus_page, title="Kladde til strategi", live=False)
    cls.restricted = publish(StrategyPageFactory(parent=cls.odense_page, title="Lukket strategi"))
    PageViewRestriction.objects.create(page=cls.restricted, restriction_type="password", password="hemmeligt")
    cls.submitted = StrategyPageFactory(parent=cls.odense_page, title="Strategi til godkendelse", live=False)
    cls.submitted.save_revision(user=cls.aarhus_editor)
    cls.submitted.get_workflow().start(cls.submitted, cls.aarhus_editor)
    # A published strategy with changes waiting for approval: the published version is what is shown.
    cls.odense_strategy.title = "Ny titel, der venter på godkendelse"
    cls.odense_strategy.save_revision(user=cls.odense_editor)
    cls.odense_strategy.get_workflow().start(cls.odense_strategy, cls.odense_editor)
    cls.odense_strategy.refresh_from_db()
    cls.hidden_plan = ActionPlanPageFactory(parent=cls.aarhus_page, strategy=cls.aarhus_strategy, live=False)
    Action.objects.create(page=cls.hidden_plan, title="Hemmelig handling", status="planlagt")

    cls.speaker = PersonFactory(name="Signe Oplægsholder", job_title="Kulturchef", work_email="signe@example.org")
    cls.meeting_index = MeetingIndexPageFactory(parent=cls.home)
    cls.meeting = MeetingPageFactory(
        parent=cls.meeting_index,
        title="Netværksmøde i Aarhus",
        date=datetime.date(2025, 5, 6),
        host_municipality=cls.aarhus,
        programme=[
            {
                "type": "item",
                "value": {
                    "time": "10:00:00",
                    "title": "Velkomst",
                    "kind": "oplaeg",
                    "description": "Om dagen.",
                    "speakers": [{"type": "item", "value": cls.speaker.pk, "id": "s1"}],
                    "page": None,
                    "slides": None,
                },
                "id": "b1",
            }
        ],
    )
    publish(cls.meeting)
    cls.case = CasePageFactory(parent=cls.meeting, title="Reparationscafé på biblioteket")
    cls.case.municipality_links = [CaseMunicipality(municipality=cls.aarhus)]
    cls.case.themes.add(cls.themes[0])
    publish(cls.case)
    cls.workshop = WorkshopOutputPageFactory(parent=cls.meeting, title="Grønne mødesteder")
    cls.workshop.facilitators = [WorkshopFacilitator(person=cls.speaker)]
    cls.workshop.results = [{"type": "idea", "value": {"title": "Byttemarked", "text": "<p>Hver måned.</p>"}}]
    publish(cls.workshop)
    cls.hidden_case = CasePageFactory(parent=cls.meeting, title="Upubliceret case", live=False)
