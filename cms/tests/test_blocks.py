from django.test import TestCase

from wagtail.blocks import StructBlockValidationError

from cms.blocks import LinkBlock
from cms.tests.utils import make_home_page


class LinkBlockTests(TestCase):
    def clean(self, **value):
        block = LinkBlock()
        return block.clean(block.to_python({"page": None, "url": "", "title": "", **value}))

    def assert_error_on(self, field, message, **value):
        with self.assertRaises(StructBlockValidationError) as caught:
            self.clean(**value)
        self.assertEqual(list(caught.exception.block_errors), [field])
        self.assertIn(message, caught.exception.block_errors[field].messages[0])

    def test_a_link_needs_a_page_or_an_address(self):
        self.assert_error_on("page", "Vælg en side eller skriv en adresse.")

    def test_a_link_cannot_have_both(self):
        home = make_home_page()
        self.assert_error_on("url", "ikke begge", page=home.pk, url="https://www.kl.dk/", title="KL")

    def test_an_external_link_needs_a_text(self):
        self.assert_error_on("title", "linktekst", url="https://www.kl.dk/")

    def test_valid_links_pass(self):
        home = make_home_page()
        self.assertEqual(self.clean(page=home.pk)["page"].pk, home.pk)
        self.assertEqual(self.clean(url="https://www.kl.dk/", title="KL")["title"], "KL")


class NavigationAdminTests(TestCase):
    def test_a_bad_menu_link_is_refused_with_a_message_not_an_error_page(self):
        from django.urls import reverse

        from wagtail.test.utils.form_data import nested_form_data, streamfield

        from cms.factories import UserFactory

        home = make_home_page()
        admin = UserFactory(username="admin-nav", is_superuser=True, is_staff=True)
        self.client.force_login(admin)
        url = reverse("wagtailsettings:edit", args=["cms", "navigationsettings", home.get_site().pk])
        data = nested_form_data(
            {
                "main_menu": streamfield([("link", {"page": "", "url": "https://www.kl.dk/", "title": ""})]),
                "footer_links": streamfield([]),
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Et eksternt link skal have en linktekst.")
