"""Small, stable pieces every item shares: the canonical address and references to other things."""

from urllib.parse import quote

from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

from .sources import ThemeIndexPage, html_text


def site_root(request):
    """The site's own address (its configured root URL), so every link in the data is canonical."""

    def compute():
        site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
        root = site.root_url if site else ""
        return root or request.build_absolute_uri("/").rstrip("/")

    return per_request(request, "site_root", compute)


def absolute(request, path):
    return site_root(request) + path


def page_url(page, request):
    """The page's canonical address: the Danish one, absolute."""
    with translation.override("da"):
        return page.get_full_url(request)


SLUG_PLACEHOLDER = "slug-placeholder"


def named_url(request, name, *, slug):
    """The absolute Danish address of a slug route; reversed once per request and name, then filled in."""

    def template():
        with translation.override("da"):
            return absolute(request, reverse(name, kwargs={"slug": SLUG_PLACEHOLDER}))

    return per_request(request, f"url:{name}", template).replace(SLUG_PLACEHOLDER, quote(slug, safe=""))


def per_request(request, key, compute):
    """A value computed once per request (such as the theme index page), so lists cost the same at any size."""
    cache = request.__dict__.setdefault("_api_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def theme_index(request):
    return per_request(request, "theme_index", lambda: ThemeIndexPage.objects.live().public().first())


def prime(request):
    """Look up what any item may need (the site's address, the theme index) once, up front, so a list
    costs the same queries whether or not its items happen to have themes or organisations."""
    site_root(request)
    theme_index(request)


def theme_url(theme, request):
    """The theme's own page under /temaer/, or None while the theme index is not published."""
    index = theme_index(request)
    if index is None:
        return None
    base = per_request(request, "theme_index_url", lambda: page_url(index, request))
    return base + index.reverse_subpage("theme_detail", kwargs={"slug": theme.slug})


def theme_ref(theme, request):
    return {"slug": theme.slug, "name": theme.name, "url": theme_url(theme, request)}


def page_themes(page, request):
    """The page's themes from the prefetched link rows, in the curated order."""
    themes = sorted((item.tag for item in page.theme_items.all()), key=lambda t: (t.sort_order, t.name))
    return [theme_ref(theme, request) for theme in themes]


def municipality_ref(municipality):
    if municipality is None:
        return None
    return {
        "code": municipality.code,
        "name": municipality.name,
        "slug": municipality.slug,
        "region_code": municipality.region.code,
    }


def organisation_ref(organisation, request):
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "kind": organisation.kind,
        "url": named_url(request, "directory:organisation", slug=organisation.slug),
    }


def person_role(person, request):
    """A person's public role only: name, title and organisation, never contact details."""
    if person is None:
        return None
    return {
        "slug": person.slug,
        "name": person.name,
        "job_title": person.job_title,
        "organisation": person.organisation_label or "",
        "url": named_url(request, "directory:person", slug=person.slug),
    }


def page_ref(page, request):
    if page is None:
        return None
    return {"id": page.pk, "title": page.title, "url": page_url(page, request)}


def page_base(page, request, *, themes=True):
    """What every page item carries: its identifier, canonical address, title, summary and dates."""
    data = {
        "id": page.pk,
        "url": page_url(page, request),
        "title": page.title,
        "summary": page.summary or "",
        "is_example": page.is_example,
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    }
    if themes:
        data["themes"] = page_themes(page, request)
    return data


TEXT_KEYS = ("text", "quote", "attribution", "caption", "title", "description")


def raw_stream_text(stream):
    """Plain text of a StreamField from its stored JSON, without loading images, documents or pages."""
    parts = []
    for block in getattr(stream, "raw_data", None) or []:
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, str):
            parts.append(html_text(value))
        elif isinstance(value, dict):
            for key in TEXT_KEYS:
                if isinstance(value.get(key), str) and value[key].strip():
                    parts.append(html_text(value[key]))
    return "\n".join(part for part in parts if part)
