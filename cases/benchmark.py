"""The network at full scale, and the pages `python manage.py benchmark_pages` measures.

Full scale is what issue 14 describes: every one of the 98 municipalities a member with three strategies
and two action plans of 15 actions each, and 60 network meetings with five cases each. It is grown from
the demo content (`load_demo`): new pages are copies of demo pages, with their text, themes, actions and
contacts, so they cost what real pages cost to render; only titles, slugs, dates and the municipality
change. Everything is deterministic (ordered by municipality code and page path), so two runs build the
same site. It lives in the cases app because it needs the page types of strategies and cases.
"""

import datetime

from wagtail.models import Page

from cases.models import CasePage, ConferencePage, MeetingIndexPage, MeetingPage
from cms.models import Municipality, Theme, ThemeIndexPage
from strategies.models import Action, ActionPlanPage, MunicipalityIndexPage, MunicipalityPage, StrategyPage

MUNICIPALITIES = 98
STRATEGIES_EACH = 3
PLANS_EACH = 2
ACTIONS_EACH = 15
MEETINGS = 60
CASES_EACH = 5


def _copy(template, parent, **attrs):
    """A live copy of a demo page under parent, with its child objects (actions, themes, links)."""
    return template.copy(to=parent, update_attrs=attrs, keep_live=True, copy_revisions=False, log_action=None)


def _unique_slug(parent, slug):
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def _fill_actions(plan, templates):
    """Bring a plan to ACTIONS_EACH actions, new ones copied (with their themes) from the demo's actions."""
    count = plan.actions.count()
    for number in range(count, ACTIONS_EACH):
        source = templates[number % len(templates)]
        action = Action(
            page=plan,
            sort_order=number,
            title=f"{source.title} ({number + 1})",
            description=source.description,
            status=source.status,
            start_date=source.start_date,
            end_date=source.end_date,
            responsible_id=source.responsible_id,
            budget=source.budget,
            indicator=source.indicator,
            target=source.target,
        )
        action.save()
        action.themes.set(list(source.themes.all()))
        action.save()


def grow(report=print):
    """Grow the demo content to full scale; a second call adds nothing."""
    index = MunicipalityIndexPage.objects.get()
    strategy_template = StrategyPage.objects.live().order_by("path").first()
    plan_template = max(ActionPlanPage.objects.live().order_by("path"), key=lambda plan: plan.actions.count())
    action_templates = list(Action.objects.order_by("page__path", "sort_order"))
    municipality_template = strategy_template.get_parent().specific
    for code_order, municipality in enumerate(Municipality.objects.order_by("code")[:MUNICIPALITIES]):
        member = MunicipalityPage.objects.filter(municipality=municipality).first()
        if member is None:
            member = _copy(
                municipality_template,
                index,
                municipality=municipality,
                title=municipality.name,
                slug=_unique_slug(index, municipality.slug),
                member_since=2024 + code_order % 3,
            )
        strategies = list(StrategyPage.objects.child_of(member).live().order_by("path"))
        for number in range(len(strategies), STRATEGIES_EACH):
            year = 2020 + 3 * number
            strategies.append(
                _copy(
                    strategy_template,
                    member,
                    municipality=municipality,
                    title=f"Grøn kulturstrategi {year}–{year + 3} for {municipality.short_name}",
                    slug=_unique_slug(member, f"groen-kulturstrategi-{year}"),
                    period_start=year,
                    period_end=year + 3,
                )
            )
        plans = list(ActionPlanPage.objects.child_of(member).live().order_by("path"))
        for number in range(len(plans), PLANS_EACH):
            year = 2024 + number
            plans.append(
                _copy(
                    plan_template,
                    member,
                    title=f"Handlingsplan {year} for {municipality.short_name}",
                    slug=_unique_slug(member, f"handlingsplan-{year}"),
                    strategy=strategies[-1],
                    period_start=year,
                    period_end=year,
                )
            )
        for plan in plans:
            _fill_actions(plan, action_templates)
        report(f"  {municipality.name}: {len(strategies)} strategier, {len(plans)} handlingsplaner")

    meeting_index = MeetingIndexPage.objects.get()
    meetings = list(MeetingPage.objects.child_of(meeting_index).order_by("path"))
    meeting_template = max(meetings, key=lambda meeting: CasePage.objects.child_of(meeting).count())
    case_template = CasePage.objects.order_by("path").first()
    first_day = datetime.date(2016, 2, 4)
    for number in range(len(meetings), MEETINGS):
        # Three meetings a year, from 2016 on: most in the past, as in a network that has run for years.
        day = first_day + datetime.timedelta(days=number // 3 * 365 + number % 3 * 120)
        meetings.append(
            _copy(
                meeting_template,
                meeting_index,
                title=f"Netværksmøde {day.day}. {day.month}. {day.year}",
                slug=_unique_slug(meeting_index, f"netvaerksmoede-{day.isoformat()}"),
                date=day,
            )
        )
    for meeting in meetings:
        for number in range(CasePage.objects.child_of(meeting).count(), CASES_EACH):
            _copy(
                case_template,
                meeting,
                title=f"{case_template.title} ({meeting.date.year}, {number + 1})",
                slug=_unique_slug(meeting, f"case-{number + 1}"),
            )
    report(f"  {len(meetings)} netværksmøder med hver {CASES_EACH} cases")


def counts():
    """What the database holds, for the benchmark's heading."""
    return {
        "municipality pages": MunicipalityPage.objects.live().count(),
        "strategies": StrategyPage.objects.live().count(),
        "action plans": ActionPlanPage.objects.live().count(),
        "actions": Action.objects.count(),
        "meetings": MeetingPage.objects.live().count(),
        "cases": CasePage.objects.live().count(),
        "pages": Page.objects.count(),
    }


def page_paths():
    """(label, path, bakerydemo's comparable path or None) for every public page type, from the demo content.

    The same pages are measured at demo and at full scale (full scale only adds pages), so the two
    columns compare like with like. bakerydemo's comparable pages follow issue 14: a list of pages for a
    list, a blog post for a detail page.
    """
    index = MunicipalityIndexPage.objects.get()
    aarhus = MunicipalityPage.objects.get(municipality__short_name="Aarhus")
    strategy = StrategyPage.objects.child_of(aarhus).live().order_by("path").first()
    plan = ActionPlanPage.objects.child_of(aarhus).live().order_by("path").first()
    meeting_index = MeetingIndexPage.objects.get()
    case = CasePage.objects.live().order_by("path").first()
    meeting = case.get_parent()
    conference = ConferencePage.objects.live().order_by("path").first()
    themes = ThemeIndexPage.objects.get()
    theme = Theme.objects.order_by("pk").first()
    blog, post, breads = "/blog/", "/blog/wild-yeast/", "/breads/"
    return [
        ("forside", "/", "/"),
        ("kommuneliste", index.url, blog),
        ("kommune", aarhus.url, post),
        ("strategi", strategy.url, post),
        ("handlingsplan", plan.url, post),
        ("møde", meeting.url, post),
        ("case", case.url, post),
        ("mødeliste", meeting_index.url, breads),
        ("konference", conference.url, post),
        ("temaside", f"{themes.url}{theme.slug}/", blog),
        ("temaliste", themes.url, breads),
        ("søgning", "/soeg/?q=kultur", "/search/?q=bread"),
        ("sitemap", "/sitemap.xml", "/sitemap.xml"),
        ("kalender (alle)", f"{meeting_index.url}kalender.ics", None),
        ("kalender (møde)", f"{meeting.url}kalender.ics", None),
        ("feed strategier", "/feed/strategier/rss/", None),
        ("feed cases", "/feed/cases/atom/", None),
        ("feed tema", f"/feed/tema/{theme.slug}/rss/", None),
        ("feed kommune", f"/feed/kommune/{aarhus.slug}/rss/", None),
        ("API strategier", "/api/v1/strategies", "/api/v2/pages/"),
        ("API handlinger", "/api/v1/actions", "/api/v2/pages/"),
    ]
