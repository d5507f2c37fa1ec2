from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils

from cms.factories import ThemeFactory, UserFactory
from cms.geodata import SEED_THEMES
from cms.models import PageTheme, Theme
from cms.permissions import KL_EDITORS_GROUP, ensure_kl_editors_group
from cms.tests.utils import make_home_page


class ThemeTaxonomyTests(TestCase):
    def test_the_networks_themes_are_seeded(self):
        names = set(Theme.objects.values_list("name", flat=True))
        self.assertEqual({name for name, _description, _colour in SEED_THEMES} - names, set())

    def test_slugs_keep_danish_letters(self):
        self.assertEqual(Theme.objects.get(name="grønt medborgerskab").slug, "grønt-medborgerskab")
        theme = Theme.objects.create(name="Kunst på tværs af Ærø og Å")
        self.assertEqual(theme.slug, "kunst-på-tværs-af-ærø-og-å")

    def test_names_are_case_insensitive_so_no_duplicate_themes_appear(self):
        ThemeFactory(name="Musik og klima")
        self.assertEqual(Theme.objects.filter(name__iexact="musik og klima").count(), 1)

    def test_page_editors_choose_from_existing_themes_only(self):
        self.assertFalse(Theme.free_tagging)

    def test_pages_of_any_type_share_one_link_table(self):
        home = make_home_page()
        theme = Theme.objects.get(name="grøn dannelse")
        PageTheme.objects.create(content_object=home, tag=theme)
        self.assertEqual(list(Page.objects.filter(theme_items__tag=theme)), [home.page_ptr])


class ThemeAdminTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()
        ensure_kl_editors_group()
        cls.kl_editor = UserFactory(username="kl", groups=[Group.objects.get(name=KL_EDITORS_GROUP)])

    def test_kl_editor_adds_a_theme_as_a_snippet(self):
        self.client.force_login(self.kl_editor)
        url = reverse("wagtailsnippets_cms_theme:add")
        response = self.client.post(
            url,
            {
                "name": "Musik og bæredygtighed",
                "description": "Spillesteder i omstilling.",
                "colour": "blue",
                "sort_order": 100,
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        theme = Theme.objects.get(name="Musik og bæredygtighed")
        self.assertEqual(theme.slug, "musik-og-bæredygtighed")

    def test_kl_editor_sees_the_theme_list(self):
        self.client.force_login(self.kl_editor)
        response = self.client.get(reverse("wagtailsnippets_cms_theme:list"))
        self.assertContains(response, "grøn dannelse")

    def test_an_editor_without_rights_cannot_add_themes(self):
        nobody = UserFactory(username="nobody")
        nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.client.force_login(nobody)
        response = self.client.get(reverse("wagtailsnippets_cms_theme:add"))
        self.assertIn(response.status_code, {302, 403})
        self.assertFalse(Theme.objects.filter(name="x").exists())
