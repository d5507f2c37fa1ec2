"""The dashboard panel "Til gennemsyn": strategies and action plans whose review date is near or has passed.

Municipal editors see their own municipality's pages; KL editors (who publish under /kommuner/) see every
municipality's. Registered as a Wagtail hook; `strategies/wagtail_hooks.py` imports this module.
"""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .approval import municipal_roots
from .models import MunicipalityIndexPage, MunicipalityPage
from .reviews import NOTICE_DAYS, pages_due


class ReviewDuePanel(Component):
    name = "review_due"
    order = 60
    template_name = "strategies/admin/review_due_panel.html"

    def __init__(self, rows, show_municipality):
        self.rows = rows
        self.show_municipality = show_municipality

    def get_context_data(self, parent_context):
        return {
            "rows": self.rows,
            "overdue": sum(1 for row in self.rows if row["overdue"]),
            "show_municipality": self.show_municipality,
            "notice_days": NOTICE_DAYS,
        }


def may_publish_all_municipalities(user):
    index = MunicipalityIndexPage.objects.first()
    return index is not None and index.permissions_for_user(user).can_publish()


@hooks.register("construct_homepage_panels")
def review_due_dashboard(request, panels):
    roots = municipal_roots(request.user)
    if roots:
        pages = MunicipalityPage.objects.filter(pk__in=[root.pk for root in roots])
        municipality_ids = list(pages.values_list("municipality_id", flat=True))
        rows, show_municipality = pages_due(municipality_ids=municipality_ids), len(municipality_ids) > 1
    elif may_publish_all_municipalities(request.user):
        rows, show_municipality = pages_due(), True
    else:
        return
    panels.append(ReviewDuePanel(rows, show_municipality))
