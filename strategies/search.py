"""What strategies and action plans contribute to search (the contract is in search/documents.py)."""

from django.utils.translation import gettext as _

from search.documents import SearchDocument, html_text, stream_text


def _published_on(page):
    moment = page.last_published_at or page.first_published_at
    return moment.date() if moment else None


def _place(municipality):
    """Municipality and region codes for the search facets."""
    if municipality is None:
        return [], []
    return [municipality.code], [municipality.region.code]


def _join(*parts):
    return "\n".join(part for part in parts if part)


def strategy_documents(page):
    municipalities, regions = _place(page.municipality)
    yield SearchDocument(
        key=f"page:{page.pk}",
        page_id=page.pk,
        title=page.title,
        kind="strategy",
        kind_label=_("Strategi"),
        url=page.get_url(),
        summary=page.summary,
        body=_join(page.vision, html_text(page.goals or ""), stream_text(page.body)),
        themes=[theme.slug for theme in page.themes.all()],
        municipalities=municipalities,
        regions=regions,
        date=page.adopted_on or _published_on(page),
        documents=[page.document] if page.document_id else [],
    )


def action_plan_documents(page):
    """The plan itself, then one document per action that links to the action on the plan's page."""
    municipalities, regions = _place(page.municipality)
    url = page.get_url()
    plan_themes = [theme.slug for theme in page.themes.all()]
    actions = list(page.actions.all())
    yield SearchDocument(
        key=f"page:{page.pk}",
        page_id=page.pk,
        title=page.title,
        kind="action-plan",
        kind_label=_("Handlingsplan"),
        url=url,
        summary=page.summary,
        body=_join(stream_text(page.body), *(action.title for action in actions)),
        themes=plan_themes,
        municipalities=municipalities,
        regions=regions,
        date=_published_on(page),
    )
    for action in actions:
        yield SearchDocument(
            key=f"page:{page.pk}:action:{action.pk}",
            page_id=page.pk,
            title=action.title,
            kind="action",
            kind_label=_("Handling"),
            url=f"{url}#{action.anchor}",
            summary=action.description[:300],
            body=_join(
                action.description,
                action.indicator,
                action.target,
                action.responsible.name if action.responsible_id else "",
            ),
            themes=sorted({theme.slug for theme in action.themes.all()} | set(plan_themes)),
            municipalities=municipalities,
            regions=regions,
            date=action.start_date or _published_on(page),
        )
