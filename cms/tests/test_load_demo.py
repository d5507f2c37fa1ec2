from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms.models import HomePage, Municipality, NavigationSettings, Region, StandardPage, Theme


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": sum(page.revisions.count() for page in Page.objects.all()),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "themes": Theme.objects.count(),
        "municipalities": Municipality.objects.count(),
        "regions": Region.objects.count(),
        "sites": Site.objects.count(),
    }


def run_command(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


class LoadDemoTests(TestCase):
    """One load_demo for the class (setUpTestData); each test's own changes are rolled back."""

    @classmethod
    def setUpTestData(cls):
        cls.output = run_command()

    def test_builds_the_site_and_a_second_run_changes_nothing(self):
        first_output = self.output
        first = snapshot()
        passwords = dict(get_user_model().objects.values_list("username", "password"))
        second_output = run_command()
        self.assertEqual(snapshot(), first)
        self.assertEqual(dict(get_user_model().objects.values_list("username", "password")), passwords)
        self.assertIn("→ Sidetræ", first_output)
        self.assertIn("(0 nye objekter)", second_output)

    def test_builds_the_page_tree_reference_data_and_users(self):
        output = self.output
        home = HomePage.objects.get()
        self.assertEqual(Site.objects.get(is_default_site=True).root_page_id, home.pk)
        slugs = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
        self.assertLessEqual({"om-netvaerket", "medlemskab", "tilgaengelighedserklaering"}, slugs)
        self.assertEqual(Municipality.objects.count(), 98)
        self.assertEqual(Region.objects.count(), 5)
        self.assertTrue(Theme.objects.filter(slug="grøn-dannelse").exists())
        self.assertGreaterEqual(get_image_model().objects.count(), 3)
        users = get_user_model().objects
        self.assertTrue(users.get(username="admin").is_superuser)
        self.assertTrue(users.get(username="kl-redaktoer").groups.filter(name="KL-redaktører").exists())
        self.assertEqual(users.filter(username__startswith="redaktoer-").count(), 2)
        self.assertIn("kl-redaktoer", output)
        menu_titles = [
            title
            for title, _url, _page in NavigationSettings.resolve(NavigationSettings.for_site(home.get_site()).main_menu)
        ]
        self.assertIn("Om netværket", menu_titles)

    def test_accessibility_statement_follows_digitaliseringsstyrelsens_structure(self):
        response = self.client.get("/tilgaengelighedserklaering/")
        for section in (
            "Overholdelsesstatus",
            "Utilgængeligt indhold",
            "Udarbejdelse af denne tilgængelighedserklæring",
            "Feedback og kontaktoplysninger",
            "Håndhævelsesprocedure",
        ):
            self.assertContains(response, f"<h2>{section}</h2>", html=False)
        for fact in ("WCAG 2.1", "axe-core", "Nu HTML Checker", "28. november 2026", "Digitaliseringsstyrelsen"):
            self.assertContains(response, fact)

    def test_prints_new_passwords_that_let_the_users_log_in(self):
        output = self.output
        line = next(line for line in output.splitlines() if line.strip().startswith("kl-redaktoer"))
        password = line.split()[1]
        self.assertTrue(self.client.login(username="kl-redaktoer", password=password))

    def test_reset_passwords_gives_new_ones(self):
        before = get_user_model().objects.get(username="admin").password
        run_command("--reset-passwords")
        self.assertNotEqual(get_user_model().objects.get(username="admin").password, before)

    def test_demo_images_are_real_images(self):
        image = get_image_model().objects.get(title="Eksempelbillede: eng ved kulturhuset")
        self.assertEqual((image.width, image.height), (1600, 1000))
        rendition = image.get_rendition("fill-320x200")
        self.assertEqual((rendition.width, rendition.height), (320, 200))
