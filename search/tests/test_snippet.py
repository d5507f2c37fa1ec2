"""Search snippets keep the punctuation around the words they show."""

from search.text import snippet, stem


def test_a_closing_parenthesis_after_the_last_word_is_kept():
    text = "Frivillige og borgere reparerer tøj og cykler sammen én aften om måneden. (Eksempel.)"
    html = str(snippet([text], {stem("cykler")}))
    assert html.endswith("(Eksempel.)")
    assert html.count("(") == html.count(")")


def test_brackets_and_quotes_stay_balanced_when_cut():
    text = "Start " + " ".join(f"ord{i}" for i in range(40)) + " (kulturhuset i byen) og «byttemarked» slut"
    html = str(snippet([text], {stem("kulturhuset"), stem("byttemarked")}, length=6))
    assert html.count("(") == html.count(")")
    assert html.count("«") == html.count("»")


def test_search_form_has_a_non_empty_action(client, db):
    from cms.tests.utils import make_home_page

    make_home_page()
    html = client.get("/soeg/?q=kultur").content.decode()
    assert 'action=""' not in html
    assert 'action="/soeg/"' in html
