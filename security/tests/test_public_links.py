"""Finding 7: the public site links to a page only when the visitor may see it."""

from django.test import RequestFactory, TestCase

from wagtail.models import PageViewRestriction

from cases.factories import CasePageFactory, MeetingIndexPageFactory, MeetingPageFactory
from cms.blocks import FeaturedItemBlock, LinkBlock
from cms.demo import add_menu_link
from cms.factories import StandardPageFactory
from cms.tests.utils import make_home_page


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class PrivatePageLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        index = MeetingIndexPageFactory(parent=cls.home)
        cls.meeting = MeetingPageFactory(parent=index, title="Forårsmødet")
        cls.case = CasePageFactory(parent=cls.meeting, title="Den lukkede case")
        cls.restriction = PageViewRestriction.objects.create(
            page=cls.case, restriction_type=PageViewRestriction.PASSWORD, password="hemmeligt"
        )
        cls.meeting.programme = [("item", {"title": "Casen fortælles", "page": cls.case})]
        cls.meeting = publish(cls.meeting)
        cls.private = StandardPageFactory(parent=cls.home, title="Kun for medlemmer")
        PageViewRestriction.objects.create(page=cls.private, restriction_type=PageViewRestriction.LOGIN)
        cls.public = StandardPageFactory(parent=cls.home, title="Om netværket")
        site = cls.home.get_site()
        add_menu_link(site, cls.private)
        add_menu_link(site, cls.public)
        add_menu_link(site, cls.private, menu="footer_links")

    def test_programme_hides_the_link_to_a_password_protected_case(self):
        response = self.client.get(self.meeting.url)
        self.assertContains(response, "Casen fortælles")
        self.assertNotContains(response, "Læs casen")
        self.assertNotContains(response, "Den lukkede case")

    def test_after_the_password_the_visitor_sees_the_link(self):
        url = f"/_util/authenticate_with_password/{self.restriction.pk}/{self.case.pk}/"
        self.client.post(url, {"password": "hemmeligt", "return_url": self.case.url})
        self.assertContains(self.client.get(self.meeting.url), "Læs casen")

    def test_menu_and_footer_leave_out_private_pages(self):
        html = self.client.get(self.public.url).content.decode()
        self.assertIn(">Om netværket</a>", html)
        self.assertNotIn("Kun for medlemmer", html)

    def test_link_and_featured_blocks_render_nothing_for_a_private_page(self):
        request = RequestFactory().get("/")
        from django.contrib.auth.models import AnonymousUser
        from django.contrib.sessions.backends.db import SessionStore

        request.user, request.session = AnonymousUser(), SessionStore()
        for block in (LinkBlock(), FeaturedItemBlock()):
            hidden = block.render(block.to_python({"page": self.private.pk}), context={"request": request})
            self.assertNotIn("Kun for medlemmer", hidden)
            shown = block.render(block.to_python({"page": self.public.pk}), context={"request": request})
            self.assertIn("Om netværket", shown)

    def test_unpublished_pages_are_not_linked(self):
        self.public.unpublish()
        html = self.client.get("/").content.decode()
        self.assertNotIn("Om netværket", html)
