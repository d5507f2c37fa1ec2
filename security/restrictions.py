"""Privacy checks done by the database, in the query that needs them, instead of in extra queries.

Wagtail's `PageQuerySet.public()` first reads every `PageViewRestriction` (one query each time it is
called: a page with five listings paid five) and then writes one `path LIKE` condition per restriction
into the listing's query. Here the same rule, "no restriction sits on the page or an ancestor of it",
is a correlated `NOT EXISTS` inside the listing's own query: a restricted page's `path` is a prefix of
the path of every page below it. It answers from the rows as they are at that moment, so there is
nothing to cache and nothing to invalidate when an editor adds, changes or removes a restriction or moves
a page, and a listing costs one query whatever the number of restrictions.

`install()` (from `SecurityConfig.ready()`) puts this `private_q` on Wagtail's `PageQuerySet`, so
`public()`, `not_public()` and `private()` everywhere (the site's listings, Wagtail's sitemap, feeds)
use it; `security/tests/test_restrictions.py` checks that it selects what Wagtail's own does.

`restrictions_for(page)` is the same rule for one page, for `Page.get_view_restrictions()`: the
restrictions on the page and its ancestors in one query, where Wagtail reads the ancestors first.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet


def _restricted_above(path):
    """Restrictions whose page is `path` or an ancestor of it (`path` a value or an outer reference)."""
    return PageViewRestriction.objects.annotate(_prefix=Substr(path, 1, Length("page__path"))).filter(
        _prefix=F("page__path")
    )


def private_q(queryset):
    """Pages on which, or above which, a view restriction sits; evaluated inside the query that uses it."""
    return Q(Exists(_restricted_above(OuterRef("path"))))


def restrictions_for(page):
    """The view restrictions that apply to `page` (on it or an ancestor), as a lazy queryset (one query).

    Like Wagtail's `Page.get_view_restrictions()`, an alias (the page or an ancestor) takes its
    restrictions from the page it is an alias of.
    """
    steplen = page.steplen
    ancestry = Page.objects.filter(path__in=[page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)])
    return PageViewRestriction.objects.filter(
        Q(page__in=ancestry.filter(alias_of__isnull=True).values("pk"))
        | Q(page__in=ancestry.filter(alias_of__isnull=False).values("alias_of"))
    )


def install():
    PageQuerySet.private_q = private_q
