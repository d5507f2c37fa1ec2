import json
import re

from django.test import TestCase

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.factories import StandardPageFactory
from cms.models import SiteSettings
from cms.tests.utils import make_home_page


def meta_content(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


class SharingMetadataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        image = get_image_model().objects.create(title="Forsidebillede", file=get_test_image_file(size=(1600, 900)))
        cls.home.hero_image = image
        cls.home.hero_image_alt = "Børn i et bibliotek"
        cls.home.save_revision().publish()
        cls.page = StandardPageFactory(
            parent=cls.home, title="Om netværket", slug="om-netvaerket", intro="Sådan arbejder netværket."
        )

    def test_page_has_description_canonical_and_open_graph(self):
        html = self.client.get("/om-netvaerket/").content.decode()
        self.assertEqual(meta_content(html, "name", "description"), "Sådan arbejder netværket.")
        self.assertIn('<link rel="canonical" href="http://testserver/om-netvaerket/">', html)
        self.assertEqual(meta_content(html, "property", "og:title"), "Om netværket")
        self.assertEqual(meta_content(html, "property", "og:type"), "article")
        self.assertEqual(meta_content(html, "property", "og:url"), "http://testserver/om-netvaerket/")
        self.assertEqual(meta_content(html, "name", "twitter:card"), "summary")

    def test_english_version_points_to_the_danish_canonical_and_is_not_indexed(self):
        html = self.client.get("/en/om-netvaerket/").content.decode()
        self.assertIn('<link rel="canonical" href="http://testserver/om-netvaerket/">', html)
        self.assertEqual(meta_content(html, "name", "robots"), "noindex, follow")
        self.assertNotIn('hreflang="en" href="http://testserver/en/', html.split("</head>")[0])
        self.assertEqual(meta_content(html, "property", "og:locale"), "en_GB")
        # Editors' Danish content is marked as Danish inside the English page (WCAG 3.1.2).
        self.assertIn('<html lang="en"', html)
        self.assertRegex(html, r'<h1[^>]* lang="da">Om netværket</h1>')
        danish = self.client.get("/om-netvaerket/").content.decode()
        self.assertIsNone(meta_content(danish, "name", "robots"))
        self.assertNotIn(' lang="da">', danish)
        self.assertNotIn('rel="alternate" hreflang', danish)

    def test_shared_image_is_a_1200_by_630_rendition_with_alt_text(self):
        html = self.client.get("/").content.decode()
        image_url = meta_content(html, "property", "og:image")
        self.assertRegex(image_url, r"^http://testserver/media/images/.*fill-1200x630.*\.jpg$")
        self.assertEqual(meta_content(html, "property", "og:image:width"), "1200")
        self.assertEqual(meta_content(html, "property", "og:image:alt"), "Børn i et bibliotek")
        self.assertEqual(meta_content(html, "name", "twitter:card"), "summary_large_image")

    def test_site_wide_share_image_is_used_when_a_page_has_none(self):
        settings = SiteSettings.for_site(self.home.get_site())
        settings.share_image = self.home.hero_image
        settings.save()
        html = self.client.get("/om-netvaerket/").content.decode()
        self.assertIsNotNone(meta_content(html, "property", "og:image"))

    def test_home_page_describes_the_network_as_an_organisation(self):
        html = self.client.get("/").content.decode()
        match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
        data = json.loads(match.group(1))
        self.assertEqual(data["@type"], "Organization")
        self.assertEqual(data["url"], "http://testserver/")
        self.assertIn("grønne partnerskaber", data["name"])

    def test_json_ld_cannot_break_out_of_its_script(self):
        from cms.templatetags.site_tags import json_ld

        html = json_ld({"name": "</script><script>alert(1)</script>"})
        self.assertNotIn("</script><script>", html)
        self.assertEqual(json.loads(re.search(r">(.*)</script>$", html).group(1))["name"][:9], "</script>")
