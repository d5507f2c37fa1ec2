"""Fragments rendered once per content change: the content version changes with every change a public page
can show (the same changes that purge the page cache), and nothing else."""

from django.db import transaction
from django.test import TestCase

from wagtail.models import PageViewRestriction

from cms.factories import StandardPageFactory, ThemeFactory
from cms.fragments import bump_content_version, cached_fragment, content_version
from cms.tests.utils import make_home_page


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"fragment {self.calls}"


class ContentVersionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.page = StandardPageFactory(parent=cls.home, title="Om netværket")

    def setUp(self):
        bump_content_version()

    def assert_changes_version(self, change):
        before = content_version()
        change()
        self.assertNotEqual(content_version(), before)

    def assert_keeps_version(self, change):
        before = content_version()
        change()
        self.assertEqual(content_version(), before)

    def test_publishing_unpublishing_and_moving_pages_change_it(self):
        self.assert_changes_version(lambda: self.page.save_revision().publish())
        self.assert_changes_version(self.page.unpublish)
        other = StandardPageFactory(parent=self.home, title="Medlemskab")
        self.assert_changes_version(lambda: self.page.move(other, pos="last-child"))
        self.assert_changes_version(other.delete)

    def test_privacy_and_site_wide_content_change_it(self):
        self.assert_changes_version(
            lambda: PageViewRestriction.objects.create(page=self.page, restriction_type="login")
        )
        self.assert_changes_version(lambda: ThemeFactory(name="Cirkulær økonomi"))

    def test_a_draft_does_not_change_it(self):
        self.assert_keeps_version(lambda: self.page.save_revision())

    def test_a_change_rolled_back_leaves_it(self):
        before = content_version()
        with self.assertRaises(RuntimeError), transaction.atomic():
            self.page.save_revision().publish()
            self.assertNotEqual(content_version(), before)
            raise RuntimeError("rolled back")
        self.assertEqual(content_version(), before)


class CachedFragmentTests(TestCase):
    def test_built_once_per_version_and_per_variant(self):
        build = Counter()
        bump_content_version()
        self.assertEqual(cached_fragment("test.fragment", ("da",), build), "fragment 1")
        self.assertEqual(cached_fragment("test.fragment", ("da",), build), "fragment 1")
        self.assertEqual(cached_fragment("test.fragment", ("en",), build), "fragment 2")
        bump_content_version()
        self.assertEqual(cached_fragment("test.fragment", ("da",), build), "fragment 3")
        self.assertEqual(build.calls, 3)

    def test_nothing_is_kept_before_the_first_change(self):
        build = Counter()
        self.assertIsNone(content_version())
        cached_fragment("test.fragment", (), build)
        cached_fragment("test.fragment", (), build)
        self.assertEqual(build.calls, 2)
