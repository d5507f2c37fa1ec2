"""Admin forms reject bad input with a message on the field that is wrong."""

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from directory.factories import OrganisationFactory
from strategies.models import Action, StrategyPage
from strategies.tests.forms import action_form, action_plan_form_data, strategy_form_data
from strategies.tests.utils import build_tree


class AdminFormValidationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def setUp(self):
        self.client.force_login(self.kl_editor)

    def add_strategy_url(self):
        return reverse("wagtailadmin_pages:add", args=("strategies", "strategypage", self.aarhus_page.pk))

    def post_strategy(self, **overrides):
        values = {"contact": self.aarhus_strategy.contact_id}
        values.update(overrides)
        return self.client.post(self.add_strategy_url(), strategy_form_data(**values))

    def post_plan(self, actions, **overrides):
        values = {"strategy": self.aarhus_strategy.pk}
        values.update(overrides)
        url = reverse("wagtailadmin_pages:add", args=("strategies", "actionplanpage", self.aarhus_page.pk))
        return self.client.post(url, action_plan_form_data(actions=actions, slug="ny-plan", **values))

    def assertFieldError(self, response, field, message):
        self.assertEqual(response.status_code, 200, "the form should be shown again")
        self.assertIn(message, " ".join(response.context["form"].errors.get(field, [])))

    def test_strategy_without_contact(self):
        self.assertFieldError(self.post_strategy(contact=""), "contact", "")
        self.assertFalse(StrategyPage.objects.filter(slug="groen-kulturstrategi").exists())

    def test_strategy_takes_its_municipality_from_its_place(self):
        # The form has no municipality field; a posted value is ignored.
        self.assertNotIn("municipality", self.client.get(self.add_strategy_url()).context["form"].fields)
        response = self.post_strategy(municipality=self.odense.pk)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(StrategyPage.objects.get(slug="groen-kulturstrategi").municipality, self.aarhus)

    def test_moving_a_strategy_gives_it_the_new_place_s_municipality(self):
        self.aarhus_strategy.move(self.odense_page, pos="last-child")
        strategy = StrategyPage.objects.get(pk=self.aarhus_strategy.pk)
        strategy.save()
        self.assertEqual(strategy.municipality, self.odense)

    def test_strategy_period_ending_before_it_starts(self):
        self.assertFieldError(
            self.post_strategy(period_start="2028", period_end="2025"), "period_end", "Slutåret ligger før startåret"
        )

    def test_valid_strategy_is_saved(self):
        response = self.post_strategy()
        self.assertEqual(response.status_code, 302)
        self.assertTrue(StrategyPage.objects.filter(slug="groen-kulturstrategi").exists())

    def test_action_plan_strategy_must_be_from_the_same_municipality(self):
        response = self.post_plan([], strategy=self.odense_strategy.pk)
        self.assertFieldError(response, "strategy", "Vælg en strategi fra Aarhus Kommune")

    def test_action_ending_before_it_starts_and_negative_budget(self):
        response = self.post_plan(
            [
                action_form(title="Baglæns", start_date="2026-05-01", end_date="2026-01-01"),
                action_form(title="Minus", budget="-5000"),
            ]
        )
        self.assertEqual(response.status_code, 200)
        forms = response.context["form"].formsets["actions"].forms
        self.assertIn("Slutdatoen ligger før startdatoen.", forms[0].errors["end_date"])
        self.assertIn("Budgettet kan ikke være negativt.", forms[1].errors["budget"])
        self.assertFalse(Action.objects.filter(title__in=["Baglæns", "Minus"]).exists())

    def test_valid_action_plan_with_actions_themes_and_partners_is_saved(self):
        organisation = OrganisationFactory()
        response = self.post_plan(
            [
                action_form(
                    title="Reparationscafé",
                    status="i-gang",
                    start_date="2025-01-01",
                    end_date="2025-12-31",
                    budget="250000",
                    responsible=organisation.pk,
                    partners=[organisation.pk],
                    themes="grøn dannelse, samskabelse",
                )
            ]
        )
        self.assertEqual(response.status_code, 302)
        action = Action.objects.get(title="Reparationscafé", page__slug="ny-plan")
        self.assertEqual(action.budget, 250000)
        self.assertEqual(list(action.partners.all()), [organisation])
        self.assertEqual([t.name for t in action.themes.all()], ["grøn dannelse", "samskabelse"])


class ModelValidationTests(TestCase):
    """The same rules hold outside the admin, e.g. for imports."""

    def test_strategy_clean_names_each_missing_field(self):
        page = StrategyPage(title="Uden alt", slug="uden-alt", period_start=2030, period_end=2020)
        with self.assertRaises(ValidationError) as caught:
            page.clean()
        self.assertEqual(set(caught.exception.message_dict), {"municipality", "contact", "period_end"})

    def test_action_clean(self):
        import datetime

        action = Action(title="x", budget=-1, start_date=datetime.date(2026, 2, 1), end_date=datetime.date(2026, 1, 1))
        with self.assertRaises(ValidationError) as caught:
            action.full_clean(exclude=["page"])
        self.assertIn("budget", caught.exception.message_dict)
