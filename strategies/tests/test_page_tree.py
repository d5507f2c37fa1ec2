"""The page tree cannot be misbuilt, and every page type renders."""

from django.test import TestCase

from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, StandardPage
from strategies.models import ActionPlanPage, MunicipalityIndexPage, MunicipalityPage, StrategyPage
from strategies.tests.forms import action_plan_form_data, strategy_form_data
from strategies.tests.utils import build_tree


class PageTreeRulesTests(WagtailPageTestCase):
    def test_index_only_under_the_home_page_and_only_once(self):
        self.assertAllowedParentPageTypes(MunicipalityIndexPage, {HomePage})
        self.assertEqual(MunicipalityIndexPage.max_count, 1)

    def test_municipality_pages_only_under_the_index(self):
        self.assertAllowedParentPageTypes(MunicipalityPage, {MunicipalityIndexPage})
        self.assertAllowedSubpageTypes(MunicipalityIndexPage, {MunicipalityPage})

    def test_strategies_and_plans_only_under_a_municipality_and_without_children(self):
        self.assertAllowedSubpageTypes(MunicipalityPage, {StrategyPage, ActionPlanPage})
        self.assertAllowedParentPageTypes(StrategyPage, {MunicipalityPage})
        self.assertAllowedParentPageTypes(ActionPlanPage, {MunicipalityPage})
        self.assertAllowedSubpageTypes(StrategyPage, set())
        self.assertAllowedSubpageTypes(ActionPlanPage, set())

    def test_strategies_cannot_be_created_elsewhere(self):
        self.assertCanNotCreateAt(HomePage, StrategyPage)
        self.assertCanNotCreateAt(StandardPage, MunicipalityPage)
        self.assertCanNotCreateAt(MunicipalityIndexPage, StrategyPage)


class EveryPageTypeRendersTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def test_each_page_type_renders(self):
        for page in (self.index, self.aarhus_page, self.aarhus_strategy, self.aarhus_plan):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)

    def test_strategies_and_plans_can_be_previewed_from_the_editor(self):
        strategy_data = strategy_form_data(
            title=self.aarhus_strategy.title,
            slug=self.aarhus_strategy.slug,
            municipality=self.aarhus.pk,
            contact=self.aarhus_strategy.contact_id,
        )
        self.assertPageIsPreviewable(self.aarhus_strategy, post_data=strategy_data)
        plan_data = action_plan_form_data(
            title=self.aarhus_plan.title, slug=self.aarhus_plan.slug, strategy=self.aarhus_strategy.pk
        )
        self.assertPageIsPreviewable(self.aarhus_plan, post_data=plan_data)

    def test_routes_of_the_index_render(self):
        for route in ("", "sammenlign/", "daekning/"):
            with self.subTest(route=route):
                self.assertPageIsRenderable(self.index, route)

    def test_municipality_page_slug_follows_the_municipality(self):
        self.aarhus_page.slug = "noget-andet"
        self.aarhus_page.full_clean()
        self.assertEqual(self.aarhus_page.slug, "aarhus")
        self.assertEqual(self.aarhus_page.url, "/kommuner/aarhus/")


class PageContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def test_strategy_page_shows_municipality_status_contact_and_plans(self):
        response = self.client.get(self.aarhus_strategy.url)
        self.assertContains(response, "<h1>Aarhus&#x27; grønne kulturstrategi</h1>", html=False)
        self.assertContains(response, "Aarhus Kommune")
        self.assertContains(response, "I gang")
        self.assertContains(response, self.aarhus_strategy.contact.work_email)
        self.assertContains(response, self.aarhus_plan.url)

    def test_action_plan_shows_progress_and_anchors_for_each_action(self):
        response = self.client.get(self.aarhus_plan.url)
        for action in self.aarhus_plan.actions.all():
            self.assertContains(response, f'id="handling-{action.pk}"')
            self.assertContains(response, f'href="#handling-{action.pk}"')
        self.assertContains(response, "Gennemført: <strong>1</strong>", html=False)
        self.assertContains(response, "Planlagt: <strong>1</strong>", html=False)
        self.assertContains(response, "125.000 kr.")
        self.assertContains(response, 'style="width: 33.3%"')

    def test_budgets_use_the_languages_thousands_separator(self):
        response = self.client.get("/en" + self.aarhus_plan.url)
        self.assertContains(response, "125,000")
