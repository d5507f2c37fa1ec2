"""Approval that talks back: the submit button municipal editors see, and what they hear about KL's decision.

Registered as Wagtail hooks; `strategies/wagtail_hooks.py` imports this module.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem


@hooks.register("construct_page_action_menu")
def submit_for_approval_is_the_main_button(menu_items, request, context):
    """An editor who may not publish a page sees "Indsend til godkendelse" as the labelled main button.

    Wagtail puts the first item of the action menu on the button and hides the rest behind an arrow; for
    municipal editors that first item is "Gem kladde", so the step that matters hid behind the arrow. Saving
    a draft stays in the menu (and on Ctrl+S).
    """
    page = context.get("page")
    if page is None or context.get("view") not in ("create", "edit"):
        return
    target = page if page.pk else context.get("parent_page")
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
