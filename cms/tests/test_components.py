"""The shared page pieces: {% pagination %} and {% page_header %} (cms/templatetags/component_tags.py)."""

import re

from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory, SimpleTestCase, TestCase
from django.utils import translation

from cms.templatetags.component_tags import page_window
from cms.tests.utils import make_home_page


def render(source, **context):
    return Template("{% load component_tags %}" + source).render(Context(context))


def numbers(window):
    return [item["number"] if item else "…" for item in window["items"]]


class PageWindowTests(SimpleTestCase):
    def window(self, number, count=200, query=""):
        page_obj = Paginator(range(count), 10).get_page(number)
        return page_window(page_obj, RequestFactory().get("/" + query).GET)

    def test_the_window_is_the_first_and_last_page_and_two_each_side_of_the_current(self):
        self.assertEqual(numbers(self.window(10)), [1, "…", 8, 9, 10, 11, 12, "…", 20])

    def test_no_gap_stands_in_for_a_single_page(self):
        self.assertEqual(numbers(self.window(1)), [1, 2, 3, "…", 20])
        self.assertEqual(numbers(self.window(20)), [1, "…", 18, 19, 20])
        self.assertEqual(numbers(self.window(3, count=50)), [1, 2, 3, 4, 5])

    def test_links_keep_the_other_parameters_and_replace_the_page(self):
        window = self.window(2, query="?q=kultur&type=cases.casepage&side=2")
        self.assertEqual(window["previous_url"], "?q=kultur&type=cases.casepage&side=1")
        self.assertEqual(window["next_url"], "?q=kultur&type=cases.casepage&side=3")
        current = [item for item in window["items"] if item and item["current"]]
        self.assertEqual([item["number"] for item in current], [2])

    def test_first_and_last_pages_have_no_link_beyond_them(self):
        self.assertEqual(self.window(1)["previous_url"], "")
        self.assertEqual(self.window(20)["next_url"], "")


class PaginationTagTests(SimpleTestCase):
    def html(self, number, count=95, source="{% pagination page_obj %}", language="da"):
        page_obj = Paginator(range(count), 10).get_page(number)
        request = RequestFactory().get(f"/temaer/natur/?type=x&side={number}")
        with translation.override(language):
            return render(source, page_obj=page_obj, request=request)

    def test_a_labelled_navigation_landmark_with_the_current_page_marked(self):
        html = self.html(4)
        self.assertIn('<nav class="pagination" aria-label="Sider">', html)
        current = re.findall(r'<a href="([^"]+)" aria-current="page">', html)
        self.assertEqual(current, ["?type=x&amp;side=4"])
        self.assertIn("Side 4 af 10", html)
        self.assertIn('rel="prev">Forrige<span class="visually-hidden"> side</span>', html)
        self.assertIn('rel="next">Næste<span class="visually-hidden"> side</span>', html)
        self.assertIn('<li class="pagination__gap" aria-hidden="true">…</li>', html)

    def test_english_labels(self):
        html = self.html(4, language="en")
        self.assertIn('aria-label="Pages"', html)
        self.assertIn("Page 4 of 10", html)
        self.assertIn(">Previous<", html)
        self.assertIn(">Next<", html)

    def test_a_label_of_its_own_and_no_status_line(self):
        html = self.html(2, source='{% pagination page_obj label="Sider med resultater" status=False %}')
        self.assertIn('aria-label="Sider med resultater"', html)
        self.assertNotIn("pagination__status", html)

    def test_one_page_shows_no_pagination(self):
        self.assertEqual(self.html(1, count=9).strip(), "")


class PageHeaderTests(TestCase):
    def test_a_page_header_shows_the_page_title_and_intro(self):
        home = make_home_page()
        home.intro = "Om grøn omstilling i kulturlivet."
        html = render("{% page_header %}{% endpage_header %}", page=home)
        self.assertIn('<header class="page-header prose">', html)
        self.assertIn(f"<h1>{home.title}</h1>", html)
        self.assertIn('<p class="lead">Om grøn omstilling i kulturlivet.</p>', html)

    def test_a_given_title_does_not_take_the_page_intro(self):
        home = make_home_page()
        home.intro = "Forsidens intro"
        html = render('{% page_header title="Natur" eyebrow="Tema" %}<p>3 emner</p>{% endpage_header %}', page=home)
        self.assertIn("<h1>Natur</h1>", html)
        self.assertNotIn("Forsidens intro", html)
        self.assertIn('<p class="eyebrow">Tema</p>', html)
        self.assertIn("<p>3 emner</p>", html)

    def test_kicker_with_detail_and_link_and_escaped_text(self):
        html = render(
            '{% page_header title=title kicker="Strategi" kicker_detail=name kicker_url="/kommuner/" %}'
            "{% endpage_header %}",
            title="<b>Plan</b>",
            name="Aalborg",
        )
        self.assertIn('<p class="page-header__kicker"><a href="/kommuner/">Strategi</a> · Aalborg</p>', html)
        self.assertIn("<h1>&lt;b&gt;Plan&lt;/b&gt;</h1>", html)
