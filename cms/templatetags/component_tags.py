"""Template tags for the pieces every page shares: the page header and pagination."""

from django import template
from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

register = template.Library()

PAGE_PARAMETER = "side"


@register.simple_block_tag(takes_context=True)
def page_header(
    context,
    content,
    title=None,
    intro=None,
    kicker="",
    kicker_detail="",
    kicker_url="",
    eyebrow="",
    modifier="",
    photo=None,
    heading_id="",
):
    """The header of a page: kicker or eyebrow, the one h1, the lead, then whatever the tag encloses.

    Without `title`, the title and intro are the page's (`page.title`, `page.intro`); with a `title`
    (routes and views that are not pages), `intro` is only what is passed. `kicker` is a muted line above
    the title (`kicker_detail` joins it after " · "; `kicker_url` makes it a link); `eyebrow` an uppercase
    one. `modifier` adds `page-header--<modifier>`; `photo` (an image) puts a round portrait beside the text.
    """
    page = context.get("page")
    from_page = title is None  # the page's own (Danish) title and intro, marked as such on English pages
    if title is None:
        title = getattr(page, "title", "")
        if intro is None:
            intro = getattr(page, "intro", "")
    return render_to_string(
        "components/page_header.html",
        {
            "title": title,
            "intro": intro or "",
            "kicker": kicker,
            "kicker_detail": kicker_detail,
            "kicker_url": kicker_url,
            "eyebrow": eyebrow,
            "modifier": modifier,
            "photo": photo,
            "heading_id": heading_id,
            "from_page": from_page,
            "meta": mark_safe(content.strip()),  # noqa: S308 - the rendered, escaped body of the tag
        },
    )


def page_window(page_obj, query_dict, *, on_each_side=2, on_ends=1):
    """The links of a pagination: every page near the current one, the first and the last, gaps as None.

    Built on Django's `Paginator.get_elided_page_range`; each link keeps the other query parameters.
    """
    paginator = page_obj.paginator
    base = query_dict.copy()
    base.pop(PAGE_PARAMETER, None)

    def url(number):
        base[PAGE_PARAMETER] = str(number)
        return "?" + base.urlencode()

    items = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends):
        if number == Paginator.ELLIPSIS:
            items.append(None)
        else:
            items.append({"number": number, "url": url(number), "current": number == page_obj.number})
    return {
        "page_obj": page_obj,
        "items": items,
        "previous_url": url(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": url(page_obj.next_page_number()) if page_obj.has_next() else "",
    }


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj, label=None, status=True):
    """Links to the other pages of a `django.core.paginator.Page`; nothing when there is one page.

    `label` names the navigation landmark (default "Sider"); `status=False` leaves out the "Side 2 af 5"
    line when the page already says it.
    """
    if page_obj is None or page_obj.paginator.num_pages <= 1:
        return {"pagination": None}
    request = context.get("request")
    window = page_window(page_obj, request.GET if request is not None else QueryDict())
    window["label"] = label or _("Sider")
    window["status"] = status
    return {"pagination": window}
