"""The contract pages use to join search: `Kind`, `SearchDocument` and the one builder, `page_document`."""

import datetime
import zoneinfo

from django.utils import translation

import pytest

from cms.models import Municipality, StandardPage, Theme
from search.documents import Kind, kind_label, page_document

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def test_kinds_are_stored_as_values_and_read_in_the_visitors_language():
    assert str(Kind.ACTION_PLAN) == "action-plan"
    assert str(kind_label("action-plan")) == "Handlingsplan"
    with translation.override("en"):
        assert str(kind_label("action-plan")) == "Action plan"
        assert str(Kind.WORKSHOP.label) == "Workshop output"
    assert kind_label("something-old") == "something-old"


@pytest.mark.django_db
def test_page_document_fills_in_what_every_page_type_shares(home_page):
    aarhus = Municipality.objects.select_related("region").get(short_name="Aarhus")
    page = StandardPage(title="Om netværket", slug="om", intro="Netværket i korte træk.", search_description="Kort.")
    home_page.add_child(instance=page)
    page.themes.add(Theme.objects.order_by("pk").first())
    page.save_revision().publish()
    page.refresh_from_db()
    # Published at 00:30 in Copenhagen on New Year's day: still 31 December in UTC.
    StandardPage.objects.filter(pk=page.pk).update(
        last_published_at=datetime.datetime(2025, 1, 1, 0, 30, tzinfo=COPENHAGEN)
    )
    page.refresh_from_db()

    document = page_document(page, kind=Kind.PAGE, body=["Teksten."], municipalities=[aarhus, None, aarhus])
    assert (document.key, document.page_id, document.kind, document.url) == (f"page:{page.pk}", page.pk, "page", "/om/")
    assert document.summary == "Kort." and document.body == "Netværket i korte træk.\nTeksten."
    assert document.date == datetime.date(2025, 1, 1)
    assert document.municipalities == [aarhus.code] and document.regions == [aarhus.region.code]
    assert document.themes == [theme.slug for theme in page.themes.all()]

    part = page_document(
        page,
        kind=Kind.ACTION,
        part="action:7",
        anchor="handling-7",
        title="En handling",
        summary="Om handlingen.",
        date=datetime.datetime(2024, 12, 31, 23, 30, tzinfo=datetime.UTC),
        themes=["samskabelse", "samskabelse"],
    )
    assert (part.key, part.url, part.title) == (f"page:{page.pk}:action:7", "/om/#handling-7", "En handling")
    assert part.body == ""  # a part does not repeat the page's introduction
    assert part.date == datetime.date(2025, 1, 1)  # an aware datetime is read in Copenhagen time
    assert part.themes == ["samskabelse"]


def test_stream_text_reads_an_image_blocks_alt_text_and_does_not_fail_on_it():
    from types import SimpleNamespace

    from wagtail import blocks
    from wagtail.images.blocks import ImageBlock

    from search.documents import _collect

    block = blocks.StructBlock([("image", ImageBlock()), ("caption", blocks.CharBlock())])
    image = SimpleNamespace(contextual_alt_text="Plakat med borgernes idéer", decorative=False)
    parts = []
    _collect(block, {"image": image, "caption": "Workshoppens plakat"}, parts)
    assert parts == ["Plakat med borgernes idéer", "Workshoppens plakat"]
