"""Every list endpoint runs the same number of SQL queries whatever the page size and the amount of content."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from api.sources import Action, CaseMunicipality, Municipality, WorkshopFacilitator
from api.tests.utils import build_open_data
from cases.factories import CasePageFactory, MeetingPageFactory, WorkshopOutputPageFactory
from directory.factories import OrganisationFactory, PersonFactory
from strategies.factories import ActionPlanPageFactory, MunicipalityPageFactory, StrategyPageFactory
from strategies.tests.utils import publish

LISTS = [
    "/api/v1/municipalities",
    "/api/v1/strategies",
    "/api/v1/action-plans",
    "/api/v1/actions",
    "/api/v1/meetings",
    "/api/v1/cases",
    "/api/v1/workshop-outputs",
    "/api/v1/themes",
    "/api/v1/organisations",
]


class ListQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_open_data(cls)

    def add_content(self, count):
        """`count` more of everything: municipalities with strategies, plans with actions, meetings, cases."""
        free = list(Municipality.objects.filter(member_page__isnull=True).order_by("code")[:count])
        for number, municipality in enumerate(free):
            page = MunicipalityPageFactory(parent=self.index, municipality=municipality)
            partner = OrganisationFactory(municipality=municipality)
            strategy = StrategyPageFactory(parent=page, title=f"Strategi {number}")
            strategy.themes.add(*self.themes)
            strategy.partners.add(partner)
            publish(strategy)
            plan = ActionPlanPageFactory(parent=page, strategy=strategy)
            plan.themes.add(self.themes[0])
            publish(plan)
            for position in range(3):
                action = Action.objects.create(page=plan, title=f"Handling {number}.{position}", responsible=partner)
                action.partners.add(partner)
                action.themes.add(self.themes[1])
            speakers = [PersonFactory(organisation=partner), PersonFactory()]
            meeting = MeetingPageFactory(
                parent=self.meeting_index,
                host_municipality=municipality,
                programme=[
                    {
                        "type": "item",
                        "value": {
                            "title": f"Oplæg {n}",
                            "kind": "oplaeg",
                            "speakers": [{"type": "item", "value": s.pk, "id": f"s{n}"} for s in speakers],
                        },
                        "id": f"b{n}",
                    }
                    for n in range(2)
                ],
            )
            meeting.themes.add(self.themes[0])
            publish(meeting)
            case = CasePageFactory(parent=meeting, contact_person=speakers[0])
            case.municipality_links = [CaseMunicipality(municipality=municipality)]
            case.themes.add(self.themes[0])
            publish(case)
            workshop = WorkshopOutputPageFactory(parent=meeting)
            workshop.facilitators = [WorkshopFacilitator(person=s) for s in speakers]
            publish(workshop)

    def count(self, path, page_size):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path, {"page_size": page_size})
        self.assertEqual(response.status_code, 200, response.content)
        return len(queries), len(response.json()["results"])

    def test_same_queries_for_page_sizes_1_and_100_and_for_little_and_much_content(self):
        for path in LISTS:
            self.client.get(path)  # warm what is cached across requests (site root paths)
        small = {path: self.count(path, 1) for path in LISTS}
        before = {path: self.count(path, 100) for path in LISTS}
        self.add_content(12)
        after = {path: self.count(path, 100) for path in LISTS}
        for path in LISTS:
            with self.subTest(path=path):
                self.assertEqual(small[path][0], before[path][0])
                self.assertEqual(before[path][0], after[path][0])
                if path not in ("/api/v1/municipalities", "/api/v1/themes"):  # these two lists have a fixed size
                    self.assertGreater(after[path][1], before[path][1])
