"""Content that stays fresh: review dates of strategies and action plans, reminders and who is overdue.

A strategy or action plan has a review date (`review_on`). Publishing sets it a year ahead when it is empty
or has passed (signals.py), so a page KL approves after a review starts a new year. Every day
`manage.py send_review_reminders` e-mails the municipality's editors a month before the date and again
once it has passed (each reminder once, recorded in `ReviewReminder`); their dashboard lists the same
pages, and `/kommuner/daekning/` counts the overdue ones.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.permissions import municipal_group_name

from .models.pages import ActionPlanPage, StrategyPage
from .models.reviews import ReviewReminder

NOTICE_DAYS = 30  # how long before the review date the editors hear about it


def a_year_after(day):
    """The same date a year later (28 February after 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def renew_review_date(page, revision=None, today=None):
    """On publishing: a review date a year ahead when the page has none or it has passed. Returns the date."""
    today = today or timezone.localdate()
    if page.review_on is not None and page.review_on > today:
        return page.review_on
    page.review_on = a_year_after(today)
    type(page).objects.filter(pk=page.pk).update(review_on=page.review_on)
    if revision is not None and isinstance(revision.content, dict):
        # The next edit starts from the revision, so it must hold the same date as the page.
        revision.content["review_on"] = page.review_on.isoformat()
        revision.save(update_fields=["content"])
    return page.review_on


def _due(queryset, today, horizon):
    return queryset.live().filter(review_on__isnull=False, review_on__lte=horizon).order_by("review_on", "title")


def pages_due(today=None, municipality_ids=None, days=NOTICE_DAYS):
    """Live strategies and action plans whose review date is within `days` or has passed, soonest first.

    Each row: {"page", "municipality", "review_on", "overdue", "days"}; `municipality_ids` narrows to those.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=days)
    strategies = _due(StrategyPage.objects.select_related("municipality"), today, horizon)
    plans = _due(ActionPlanPage.objects.select_related("strategy__municipality"), today, horizon)
    if municipality_ids is not None:
        strategies = strategies.filter(municipality_id__in=municipality_ids)
        plans = plans.filter(strategy__municipality_id__in=municipality_ids)
    rows = [
        {
            "page": page,
            "municipality": page.municipality,
            "review_on": page.review_on,
            "overdue": page.review_on < today,
            "days": (page.review_on - today).days,
        }
        for page in [*strategies, *plans]
        if page.municipality is not None
    ]
    rows.sort(key=lambda row: (row["review_on"], row["page"].title))
    return rows


def overdue_count(today=None):
    """How many published, public strategies and action plans are past their review date."""
    today = today or timezone.localdate()
    return sum(
        model.objects.live().public().filter(review_on__lt=today).count() for model in (StrategyPage, ActionPlanPage)
    )


def editors_of(municipality):
    """The active editors of a member municipality who have an e-mail address."""
    users = get_user_model().objects.filter(is_active=True, groups__name=municipal_group_name(municipality))
    return list(users.exclude(email="").distinct())


def send_review_reminders(today=None):
    """E-mail each municipality's editors about their pages due for review. Returns (e-mails, pages).

    One e-mail per editor, listing every page of theirs that is due; a page is reminded of once a month
    before its date and once after the date has passed. A page whose municipality has no editor with an
    address is tried again the next day.
    """
    today = today or timezone.localdate()
    sent = {
        (reminder.page_id, reminder.review_on, reminder.stage)
        for reminder in ReviewReminder.objects.filter(review_on__gte=today - datetime.timedelta(days=400))
    }
    by_editor = defaultdict(list)
    reminders = []
    for row in pages_due(today):
        stage = ReviewReminder.Stage.OVERDUE if row["overdue"] else ReviewReminder.Stage.SOON
        if (row["page"].pk, row["review_on"], stage) in sent:
            continue
        editors = editors_of(row["municipality"])
        if not editors:
            continue
        for editor in editors:
            by_editor[editor].append(row)
        reminders.append(
            ReviewReminder(page_id=row["page"].pk, review_on=row["review_on"], stage=stage, recipients=len(editors))
        )
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override("da"):
        for editor, rows in by_editor.items():
            for row in rows:
                row["edit_url"] = base_url + reverse("wagtailadmin_pages:edit", args=[row["page"].pk])
            overdue = sum(1 for row in rows if row["overdue"])
            subject = (
                ngettext(
                    "%(count)d side har overskredet sin dato for gennemsyn",
                    "%(count)d sider har overskredet deres dato for gennemsyn",
                    overdue,
                )
                % {"count": overdue}
                if overdue
                else ngettext("%(count)d side skal snart gennemses", "%(count)d sider skal snart gennemses", len(rows))
                % {"count": len(rows)}
            )
            body = render_to_string(
                "strategies/emails/review_reminder.txt",
                {
                    "editor": editor,
                    "rows": rows,
                    "today": today,
                    "dashboard_url": base_url + reverse("wagtailadmin_home"),
                },
            )
            EmailMessage(subject=f"{_('Grønne partnerskaber')}: {subject}", body=body, to=[editor.email]).send()
    ReviewReminder.objects.bulk_create(reminders, ignore_conflicts=True)
    return len(by_editor), len(reminders)
