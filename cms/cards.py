"""Pages for cards: the specific pages with what their card shows, in one query per page type.

A card shows a page's title, kind, summary and `card_meta` (a strategy's municipality, an action plan's
municipality through its strategy). Wagtail's `.specific()` fetches the pages, and each card then
fetched its `card_meta` rows one by one. Here every page type's rows come with the rows its
`card_select_related` names joined in: one query for the types, one per type present, whatever the
number of cards.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page


def specific_cards(page_ids):
    """{pk: specific page} for the given page ids, with each type's `card_select_related` joined in."""
    by_type = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(pk__in=list(page_ids)).values_list("pk", "content_type_id"):
        by_type[content_type_id].append(pk)
    pages = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        queryset = model.objects.filter(pk__in=pks)
        related = getattr(model, "card_select_related", ())
        if related:  # select_related() without names would follow every foreign key
            queryset = queryset.select_related(*related)
        pages.update((page.pk, page) for page in queryset)
    return pages
