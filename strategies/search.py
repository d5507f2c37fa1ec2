"""What strategies and action plans contribute to search (the builder is `search.documents.page_document`)."""

import datetime

from search.documents import Kind, html_text, page_document, stream_text


def municipality_documents(page):
    """A member municipality's page: found by the municipality's name, region and the page's text."""
    municipality = page.municipality
    yield page_document(
        page,
        kind=Kind.MUNICIPALITY,
        body=[municipality.name, municipality.region.name, stream_text(page.body)],
        municipalities=[municipality],
    )


def strategy_documents(page):
    yield page_document(
        page,
        kind=Kind.STRATEGY,
        body=[page.vision, html_text(page.goals or ""), stream_text(page.body)],
        date=page.adopted_on,
        municipalities=[page.municipality],
        documents=[page.document] if page.document_id else [],
    )


def action_plan_documents(page):
    """The plan itself, then one document per action that links to the action on the plan's page.

    The actions are grouped under the plan: search shows the plan once, with its matching actions.
    The plan is dated by its period (1 January of its first year), not by when it was published.
    """
    plan_themes = list(page.themes.all())
    actions = list(page.actions.all())
    yield page_document(
        page,
        kind=Kind.ACTION_PLAN,
        body=[stream_text(page.body), *(action.title for action in actions)],
        municipalities=[page.municipality],
        themes=plan_themes,
        date=datetime.date(page.period_start, 1, 1) if page.period_start else None,
    )
    for action in actions:
        yield page_document(
            page,
            kind=Kind.ACTION,
            part=f"action:{action.pk}",
            grouped=True,  # found as "n handlinger matcher" in the plan's result
            anchor=action.anchor,
            title=action.title,
            summary=action.description[:300],
            body=[
                action.description,
                action.indicator,
                action.target,
                action.responsible.name if action.responsible_id else "",
            ],
            themes=sorted({*action.themes.all(), *plan_themes}, key=lambda theme: theme.slug),
            municipalities=[page.municipality],
            date=action.start_date,
        )
