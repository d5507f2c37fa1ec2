"""Privacy checked inside the listing's own query (security.restrictions) keeps out what Wagtail's check kept out."""

from django.test import TestCase

from wagtail.models import Page, PageViewRestriction

from cms.factories import StandardPageFactory
from cms.tests.utils import make_home_page


def wagtail_public_ids():
    """Wagtail's own rule, written out: no restriction on the page or on an ancestor."""
    restricted = [restriction.page.path for restriction in PageViewRestriction.objects.select_related("page")]
    return {page.pk for page in Page.objects.all() if not any(page.path.startswith(path) for path in restricted)}


class PublicInTheDatabaseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.open = StandardPageFactory(parent=cls.home, title="Åben")
        cls.closed = StandardPageFactory(parent=cls.home, title="Lukket")
        cls.below_closed = StandardPageFactory(parent=cls.closed, title="Under lukket")
        cls.below_open = StandardPageFactory(parent=cls.open, title="Under åben")
        cls.sibling = StandardPageFactory(parent=cls.home, title="Lukket2")  # a path that shares no prefix

    def test_public_and_private_split_the_pages_as_wagtail_does(self):
        PageViewRestriction.objects.create(page=self.closed, restriction_type=PageViewRestriction.LOGIN)
        PageViewRestriction.objects.create(page=self.below_open, restriction_type=PageViewRestriction.PASSWORD)
        public = set(Page.objects.public().values_list("pk", flat=True))
        self.assertEqual(public, wagtail_public_ids())
        self.assertNotIn(self.below_closed.pk, public)
        self.assertIn(self.open.pk, public)
        self.assertIn(self.sibling.pk, public)
        private = set(Page.objects.private().values_list("pk", flat=True))
        self.assertEqual(private, {self.closed.pk, self.below_closed.pk, self.below_open.pk})

    def test_a_new_restriction_applies_to_the_next_query(self):
        self.assertIn(self.below_closed.pk, set(Page.objects.public().values_list("pk", flat=True)))
        PageViewRestriction.objects.create(page=self.closed, restriction_type=PageViewRestriction.LOGIN)
        self.assertNotIn(self.below_closed.pk, set(Page.objects.public().values_list("pk", flat=True)))

    def test_a_page_knows_the_restrictions_above_it(self):
        restriction = PageViewRestriction.objects.create(page=self.closed, restriction_type=PageViewRestriction.LOGIN)
        self.assertEqual(list(self.below_closed.specific.get_view_restrictions()), [restriction])
        self.assertEqual(list(self.below_open.specific.get_view_restrictions()), [])
        self.assertEqual(list(self.sibling.specific.get_view_restrictions()), [])

    def test_a_restricted_page_is_not_served_to_an_anonymous_visitor(self):
        for page in (self.closed, self.below_closed):
            page.save_revision().publish()
        PageViewRestriction.objects.create(page=self.closed, restriction_type=PageViewRestriction.LOGIN)
        response = self.client.get(self.below_closed.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])
