"""What the public sees: the listing and its filters, the map, comparison, coverage and organisation pages."""

import re

from django.test import TestCase, override_settings

from wagtail import hooks
from wagtail.models import PageViewRestriction

from cms.models import Municipality, Theme
from directory.factories import OrganisationFactory
from strategies.factories import MunicipalityPageFactory, StrategyPageFactory
from strategies.models import Action
from strategies.tests.utils import build_tree, publish


def map_svg(response):
    return re.search(r"<svg class=\"denmark-map__svg\".*?</svg>", response.content.decode(), re.S).group(0)


class ListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.theme = Theme.objects.get(slug="grøn-dannelse")
        cls.aarhus_strategy.themes.add(cls.theme)
        publish(cls.aarhus_strategy)

    def test_a_strategy_without_a_photo_takes_its_first_themes_colour_for_the_fallback(self):
        self.theme.colour = "purple"
        self.theme.save()
        html = self.client.get(self.aarhus_strategy.url).content.decode()
        self.assertIn('class="container strategy-article theme--purple"', html)
        self.assertNotIn('class="page-hero"', html)

    def test_lists_every_member_with_its_strategy_status(self):
        response = self.client.get("/kommuner/")
        self.assertContains(response, "Aarhus Kommune")
        self.assertContains(response, "Odense Kommune")
        self.assertContains(response, "2 medlemskommuner vises")
        self.assertContains(response, '<span class="status-badge status-badge--i-gang">I gang</span>', html=True)

    def test_filters_by_region_theme_and_status(self):
        cases = [
            ({"region": "region-midtjylland"}, ["Aarhus Kommune"], ["Odense Kommune"]),
            ({"region": "region-syddanmark"}, ["Odense Kommune"], ["Aarhus Kommune"]),
            ({"tema": self.theme.slug}, ["Aarhus Kommune"], ["Odense Kommune"]),
            ({"status": "vedtaget"}, ["Odense Kommune"], ["Aarhus Kommune"]),
        ]
        for params, present, absent in cases:
            with self.subTest(params=params):
                members = self.client.get("/kommuner/", params).context["members"]
                names = [entry["municipality"].name for entry in members]
                for name in present:
                    self.assertIn(name, names)
                for name in absent:
                    self.assertNotIn(name, names)

    def test_unknown_filter_values_give_an_empty_explained_result(self):
        for params, message in (
            ({"region": "atlantis"}, "Vi kender ikke regionen »atlantis«"),
            ({"tema": "<script>"}, "Vi kender ikke temaet »&lt;script&gt;«"),
            ({"status": "færdig"}, "Vi kender ikke status »færdig«"),
        ):
            with self.subTest(params=params):
                response = self.client.get("/kommuner/", params)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["members"], [])
                self.assertContains(response, message)
                self.assertContains(response, "0 medlemskommuner vises")

    def test_filter_form_is_labelled(self):
        response = self.client.get("/kommuner/")
        for name in ("region", "tema", "status"):
            self.assertContains(response, f'<label for="filter-{name}">', html=False)


class MapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.vejle_page = MunicipalityPageFactory(
            parent=cls.index, municipality=Municipality.objects.get(short_name="Vejle")
        )

    def test_all_98_municipalities_are_drawn_as_links_with_accessible_names(self):
        svg = map_svg(self.client.get("/kommuner/"))
        self.assertEqual(svg.count("<path "), 98)
        self.assertEqual(svg.count("<a "), 98)
        self.assertIn('href="/kommuner/aarhus/" class="published"', svg)
        self.assertIn('aria-label="Aarhus Kommune: strategi i gang"', svg)
        self.assertIn('href="/kommuner/vejle/" class="member"', svg)
        self.assertIn('aria-label="Vejle Kommune: medlem, ingen offentliggjort strategi endnu"', svg)
        self.assertIn('href="#kommune-510" class="none"', svg)

    def test_table_beside_the_map_has_the_same_data(self):
        response = self.client.get("/kommuner/")
        self.assertContains(response, '<tr id="kommune-', count=98)
        self.assertContains(response, "<caption", count=1)
        self.assertContains(response, "DAGI 1:500 000, februar 2014")

    def test_map_paths_are_projected_once_per_process(self):
        from strategies.denmark_map import denmark_map

        self.assertIs(denmark_map(), denmark_map())
        shapes = {shape.code: shape for shape in denmark_map().shapes}
        self.assertEqual(len(shapes), 98)
        # Bornholm sits in the inset box in the north-east corner.
        inset_x, inset_y, inset_w, inset_h = denmark_map().inset
        first_x, first_y = (float(v) for v in re.match(r"M([\d.]+) ([\d.]+)", shapes[400].path).groups())
        self.assertTrue(inset_x <= first_x <= inset_x + inset_w and inset_y <= first_y <= inset_y + inset_h)


class HiddenContentTests(TestCase):
    """Drafts, private pages and pages in moderation never show on public pages."""

    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.draft = StrategyPageFactory(parent=cls.aarhus_page, title="Hemmelig kladde", live=False)
        cls.draft.save_revision()
        cls.private = publish(StrategyPageFactory(parent=cls.odense_page, title="Privat strategi", status="evalueret"))
        PageViewRestriction.objects.create(page=cls.private, restriction_type="password", password="hemmelig")
        vejle = Municipality.objects.get(short_name="Vejle")
        cls.private_member = MunicipalityPageFactory(parent=cls.index, municipality=vejle)
        PageViewRestriction.objects.create(page=cls.private_member, restriction_type="login")
        publish(StrategyPageFactory(parent=cls.private_member, title="Strategi bag login"))

    def test_absent_from_the_listing_and_the_map(self):
        response = self.client.get("/kommuner/")
        for title in ("Hemmelig kladde", "Privat strategi", "Strategi bag login"):
            self.assertNotContains(response, title)
        svg = map_svg(response)
        self.assertIn('aria-label="Vejle Kommune: ikke medlem"', svg)
        self.assertNotIn("/kommuner/vejle/", svg)
        self.assertEqual(self.client.get("/kommuner/", {"status": "evalueret"}).context["members"], [])

    def test_absent_from_the_sitemap(self):
        response = self.client.get("/sitemap.xml")
        self.assertContains(response, "/kommuner/aarhus/")
        self.assertContains(response, "/kommuner/daekning/")
        for page in (self.draft, self.private, self.private_member):
            self.assertNotContains(response, f"/{page.slug}/")

    def test_absent_from_the_comparison(self):
        response = self.client.get("/kommuner/sammenlign/", {"side": [self.draft.pk, self.private.pk]})
        self.assertEqual(response.context["columns"], [])
        self.assertContains(response, "findes ikke eller er ikke offentliggjort")
        for title in ("Hemmelig kladde", "Privat strategi", "Strategi bag login"):
            self.assertNotContains(response, title)

    def test_absent_from_coverage_and_organisation_pages(self):
        self.assertNotContains(self.client.get("/kommuner/daekning/"), "Hemmelig kladde")
        partner = OrganisationFactory(name="Hemmelig partner")
        self.draft.partners.add(partner)
        self.draft.save()
        self.assertNotContains(self.client.get(f"/organisationer/{partner.slug}/"), "Hemmelig kladde")


class ComparisonTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def test_puts_strategies_and_plans_side_by_side(self):
        response = self.client.get(
            "/kommuner/sammenlign/", {"side": [self.aarhus_strategy.pk, self.odense_strategy.pk, self.aarhus_plan.pk]}
        )
        columns = response.context["columns"]
        self.assertEqual(
            [c["page"].pk for c in columns], [self.aarhus_strategy.pk, self.odense_strategy.pk, self.aarhus_plan.pk]
        )
        self.assertEqual(columns[0]["action_count"], 3)
        self.assertEqual(columns[2]["kind"], "Handlingsplan")
        self.assertContains(response, '<th scope="row">Handlinger efter status</th>', html=False)
        self.assertContains(response, "2025–2028")

    def test_asks_for_two_to_four(self):
        response = self.client.get("/kommuner/sammenlign/", {"side": [self.aarhus_strategy.pk]})
        self.assertEqual(response.context["columns"], [])
        self.assertContains(response, "Vælg mindst to")
        ids = [self.aarhus_strategy.pk, self.odense_strategy.pk, self.aarhus_plan.pk]
        more = [publish(StrategyPageFactory(parent=self.odense_page)).pk for _ in range(2)]
        response = self.client.get("/kommuner/sammenlign/", {"side": ids + more})
        self.assertEqual(response.context["columns"], [])
        self.assertContains(response, "højst fire")

    def test_nonsense_ids_are_explained_not_an_error(self):
        response = self.client.get(
            "/kommuner/sammenlign/", {"side": ["abc", "999999", self.aarhus_strategy.pk, self.odense_strategy.pk]}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.context["columns"]), 2)
        self.assertContains(response, "sprunget over")

    def test_without_choice_shows_a_labelled_form(self):
        response = self.client.get("/kommuner/sammenlign/")
        self.assertContains(response, f'<label for="side-{self.aarhus_strategy.pk}">', html=False)
        self.assertContains(response, "<legend>Aarhus Kommune</legend>", html=True)


class CoverageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        MunicipalityPageFactory(parent=cls.index, municipality=Municipality.objects.get(short_name="Vejle"))

    def test_counts_members_and_published_strategies_by_region_and_population(self):
        context = self.client.get("/kommuner/daekning/").context
        self.assertEqual(
            context["total"], {"total": 98, "members": 3, "published": 2, "member_percent": 3, "published_percent": 2}
        )
        syddanmark = next(row for row in context["by_region"] if row["label"] == "Region Syddanmark")
        self.assertEqual((syddanmark["members"], syddanmark["published"]), (2, 1))
        self.assertEqual(sum(row["total"] for row in context["by_band"]), 98)
        biggest = context["by_band"][-1]
        self.assertEqual((biggest["members"], biggest["published"]), (3, 2))
        self.assertEqual(
            {s.pk for s in context["recent_strategies"]}, {self.aarhus_strategy.pk, self.odense_strategy.pk}
        )


def extra_section(organisation, request):
    return [{"heading": "Cases", "items": [{"title": f"Case med {organisation.name}", "url": "/cases/1/"}]}]


class OrganisationPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.library = OrganisationFactory(name="Eksempel-biblioteket", municipality=cls.aarhus)
        cls.aarhus_strategy.partners.add(cls.library)
        publish(cls.aarhus_strategy)
        action = Action.objects.get(page=cls.aarhus_plan, title="Frøbibliotek")
        action.responsible = cls.library
        action.save()

    def test_lists_strategies_and_actions_it_takes_part_in(self):
        response = self.client.get(f"/organisationer/{self.library.slug}/")
        self.assertContains(response, "<h1>Eksempel-biblioteket</h1>", html=True)
        self.assertContains(response, self.aarhus_strategy.url)
        action = Action.objects.get(title="Frøbibliotek")
        self.assertContains(response, f"{self.aarhus_plan.url}#handling-{action.pk}")
        self.assertContains(response, "Ansvarlig")

    def test_other_apps_add_sections_by_hook(self):
        with hooks.register_temporarily("organisation_page_sections", extra_section):
            response = self.client.get(f"/organisationer/{self.library.slug}/")
        self.assertContains(response, "Case med Eksempel-biblioteket")

    def test_unknown_organisation_is_404(self):
        self.assertEqual(self.client.get("/organisationer/findes-ikke/").status_code, 404)

    @override_settings(LANGUAGE_CODE="da")
    def test_english_address_works(self):
        self.assertEqual(self.client.get(f"/en/organisationer/{self.library.slug}/").status_code, 200)
