"""Approval that talks back: the submit button municipal editors see, and what they hear about KL's decision.

Registered as Wagtail hooks; `strategies/wagtail_hooks.py` imports this module.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Page, TaskState, WorkflowState

from .models import ActionPlanPage, StrategyPage


@hooks.register("construct_page_action_menu")
def submit_for_approval_is_the_main_button(menu_items, request, context):
    """An editor who may not publish a page sees "Indsend til godkendelse" as the labelled main button.

    Wagtail puts the first item of the action menu on the button and hides the rest behind an arrow; for
    municipal editors that first item is "Gem kladde", so the step that matters hid behind the arrow. Saving
    a draft stays in the menu (and on Ctrl+S).
    """
    if context.get("view") not in ("create", "edit"):
        return
    page = context.get("page")  # absent while a new page is created: then the parent decides
    target = page if page is not None and page.pk else context.get("parent_page")
    if target is None or target.permissions_for_user(request.user).can_publish():
        return
    for index, item in enumerate(menu_items):
        if isinstance(item, SubmitForModerationMenuItem):
            menu_items.pop(index)
            menu_items.insert(0, SubmitForApprovalMenuItem(order=item.order))
            return


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    """Wagtail names the workflow on the button ("Indsend til Godkendelse hos KL"); this says what happens,
    and "Indsend igen" after KL has asked for changes."""

    label = _("Indsend til godkendelse")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page is not None and page.pk else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Indsend igen til godkendelse")
        else:
            context["label"] = self.label
        return context


def latest_decision(obj):
    """The last finished review of a page: (status, comment, reviewer, when), or None."""
    state = (
        TaskState.objects.filter(
            workflow_state__in=WorkflowState.objects.for_instance(obj),
            status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
        )
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    if state is None:
        return None
    return {
        "approved": state.status == TaskState.STATUS_APPROVED,
        "comment": state.comment,
        "reviewer": state.finished_by,
        "when": state.finished_at,
    }


class MunicipalEditorPanel(Component):
    """The dashboard of a municipal editor: their municipality's pages and where each stands with KL."""

    name = "municipal_editor_pages"
    order = 50
    template_name = "strategies/admin/municipal_editor_panel.html"

    def __init__(self, request, roots):
        self.request = request
        self.roots = roots

    def get_context_data(self, parent_context):
        pages = Page.objects.none()
        for root in self.roots:
            pages |= Page.objects.descendant_of(root)
        pages = pages.type(StrategyPage, ActionPlanPage).select_related("content_type")
        pages = pages.order_by("-latest_revision_created_at")
        rows = []
        for page in pages[:50]:
            state = page.current_workflow_state
            decision = latest_decision(page)
            if state and state.status == state.STATUS_IN_PROGRESS:
                status = _("Afventer godkendelse hos KL")
            elif state and state.status == state.STATUS_NEEDS_CHANGES:
                status = _("Sendt tilbage af KL")
            elif page.live and page.has_unpublished_changes:
                status = _("Udgivet, med ændringer i kladde")
            elif page.live:
                status = _("Udgivet")
            else:
                status = _("Kladde")
            rows.append(
                {
                    "page": page,
                    "type": page.content_type.model_class()._meta.verbose_name,
                    "status": status,
                    "sent_back": bool(state and state.status == state.STATUS_NEEDS_CHANGES),
                    "decision": decision,
                }
            )
        new_page_links = [
            {"title": root.title, "url": reverse("wagtailadmin_pages:add_subpage", args=[root.pk])}
            for root in self.roots
        ]
        return {"rows": rows, "request": self.request, "new_page_links": new_page_links}


def municipal_roots(user):
    """The municipality pages whose subtree the user's groups may edit but not publish."""
    if user.is_superuser:
        return []
    permissions = GroupPagePermission.objects.filter(group__in=user.groups.all()).select_related("page", "permission")
    editable = {p.page_id: p.page for p in permissions if p.permission.codename == "change_page"}
    publishable = {p.page_id for p in permissions if p.permission.codename == "publish_page"}
    return [page for pk, page in editable.items() if pk not in publishable and page.depth > 2]


@hooks.register("construct_homepage_panels")
def municipal_editor_dashboard(request, panels):
    roots = municipal_roots(request.user)
    if roots:
        panels.insert(0, MunicipalEditorPanel(request, roots))
