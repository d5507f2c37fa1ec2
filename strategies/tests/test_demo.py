"""load_demo builds example municipalities, strategies and plans, with editors' rights, and is idempotent."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase

from wagtail.models import GroupPagePermission, Workflow

from cms.models import NavigationSettings
from directory.models import Organisation, Person
from strategies.models import Action, ActionPlanPage, MunicipalityIndexPage, MunicipalityPage, StrategyPage
from strategies.permissions import WORKFLOW_NAME


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=StringIO())

    def counts(self):
        return (
            MunicipalityPage.objects.count(),
            StrategyPage.objects.count(),
            ActionPlanPage.objects.count(),
            Action.objects.count(),
            Organisation.objects.count(),
            Person.objects.count(),
            GroupPagePermission.objects.count(),
        )

    def test_a_second_run_changes_nothing(self):
        before = self.counts()
        out = StringIO()
        call_command("load_demo", stdout=out)
        self.assertEqual(self.counts(), before)
        self.assertIn("(0 nye objekter)", out.getvalue())

    def test_about_a_dozen_members_in_all_five_regions_marked_as_examples(self):
        members = MunicipalityPage.objects.select_related("municipality__region")
        self.assertGreaterEqual(members.count(), 12)
        self.assertEqual(len({m.municipality.region_id for m in members}), 5)
        self.assertTrue(all(page.is_example for page in members))
        self.assertTrue(all(page.is_example for page in StrategyPage.objects.all()))
        self.assertTrue(all(page.is_example for page in ActionPlanPage.objects.all()))
        self.assertTrue(
            all("eksempel" in o.description.lower() for o in Organisation.objects.filter(name__startswith="Eksempel"))
        )
        self.assertTrue(
            all(
                p.work_email.endswith("@example.org")
                for p in Person.objects.filter(contact_for_strategies__isnull=False)
            )
        )

    def test_plans_have_four_to_eight_actions_in_varied_statuses(self):
        for plan in ActionPlanPage.objects.live():
            with self.subTest(plan=plan.url):
                self.assertTrue(4 <= plan.actions.count() <= 8)
        self.assertGreaterEqual(len(set(Action.objects.values_list("status", flat=True))), 4)
        strategy = StrategyPage.objects.live().filter(document__isnull=False).first()
        self.assertTrue(strategy.document.file.read(5).startswith(b"%PDF"))

    def test_each_strategy_has_its_own_pdf_named_for_its_municipality_in_its_collection(self):
        strategies = list(StrategyPage.objects.live().filter(document__isnull=False).select_related("document"))
        self.assertGreaterEqual(len(strategies), 10)
        self.assertEqual(len({s.document_id for s in strategies}), len(strategies))
        for strategy in strategies:
            with self.subTest(strategy=strategy.url):
                name = strategy.municipality.name
                self.assertIn(name, strategy.document.title)
                self.assertIn(name.encode("cp1252"), strategy.document.file.read())
                self.assertEqual(strategy.document.collection.name, name)

    def test_actions_are_varied(self):
        titles = list(Action.objects.values_list("title", flat=True))
        self.assertGreaterEqual(len(set(titles)), 25)
        self.assertLessEqual(max(titles.count(title) for title in titles), 2)
        for plan in ActionPlanPage.objects.all():
            plan_titles = [action.title for action in plan.actions.all()]
            self.assertEqual(len(plan_titles), len(set(plan_titles)), plan.url)

    def test_demo_editors_have_their_municipality_and_the_workflow_is_set(self):
        editor = get_user_model().objects.get(username="redaktoer-aarhus")
        aarhus = MunicipalityPage.objects.get(slug="aarhus")
        self.assertTrue(aarhus.permissions_for_user(editor).can_add_subpage())
        self.assertFalse(aarhus.permissions_for_user(editor).can_publish())
        odense = MunicipalityPage.objects.get(slug="odense")
        self.assertFalse(odense.permissions_for_user(editor).can_edit())
        self.assertEqual(aarhus.get_workflow().name, WORKFLOW_NAME)
        self.assertEqual(Workflow.objects.filter(name=WORKFLOW_NAME).count(), 1)

    def test_kommuner_is_in_the_main_menu(self):
        index = MunicipalityIndexPage.objects.get()
        menu = NavigationSettings.resolve(NavigationSettings.for_site(index.get_site()).main_menu)
        self.assertIn("Kommuner", [title for title, _url, _page in menu])

    def test_member_without_published_strategy_exists_for_the_map(self):
        response = self.client.get("/kommuner/")
        self.assertContains(response, 'class="member" aria-label=')
        self.assertContains(response, 'class="published" aria-label=')


class DemoEditorsKeepTheirContactsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=StringIO())

    def test_a_municipal_editor_may_change_their_own_strategys_contact_and_not_anothers(self):
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(Person)
        editor = get_user_model().objects.get(username="redaktoer-aarhus")
        aarhus = StrategyPage.objects.get(municipality__short_name="Aarhus").contact
        odense = StrategyPage.objects.get(municipality__short_name="Odense").contact
        self.assertEqual(aarhus.municipality.short_name, "Aarhus")
        self.assertTrue(policy.user_has_permission_for_instance(editor, "change", aarhus))
        self.assertFalse(policy.user_has_permission_for_instance(editor, "change", odense))
