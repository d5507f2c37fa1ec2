from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.factories import StandardPageFactory
from cms.models import HomePage, StandardPage, ThemeIndexPage
from cms.tests.utils import make_home_page


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.about = StandardPageFactory(parent=cls.home, title="Om netværket", slug="om-netvaerket")
        cls.themes = ThemeIndexPage(title="Temaer", slug="temaer")
        cls.home.add_child(instance=cls.themes)

    def test_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_there_is_only_one_home_page(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_standard_pages_go_under_home_and_other_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_every_page_type_renders(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsRenderable(self.about)
        self.assertPageIsRenderable(self.themes)
        self.assertPageIsRenderable(self.themes, route_path="/grøn-dannelse/")

    def test_every_page_type_is_editable(self):
        # StreamFields are drawn by JavaScript, so the form data is given rather than scraped.
        self.assertPageIsEditable(
            self.home,
            nested_form_data(
                {
                    "title": self.home.title,
                    "slug": self.home.slug,
                    "intro": "Ny introduktion",
                    "featured": streamfield([]),
                    "body": streamfield([("paragraph", rich_text("<p>Velkommen</p>"))]),
                }
            ),
        )
        self.assertPageIsEditable(
            self.about,
            nested_form_data(
                {"title": self.about.title, "slug": self.about.slug, "intro": "", "body": streamfield([])}
            ),
        )

    def test_standard_page_can_be_created_through_the_admin_form(self):
        self.login()
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Tilgængelighedserklæring",
                    "slug": "tilgaengelighedserklaering",
                    "intro": "Sådan arbejder vi med tilgængelighed.",
                    "body": streamfield([("paragraph", rich_text("<p>Vi følger WCAG 2.1 AA.</p>"))]),
                }
            ),
        )
        page = StandardPage.objects.get(slug="tilgaengelighedserklaering")
        self.assertEqual(page.get_parent().specific, self.home)
