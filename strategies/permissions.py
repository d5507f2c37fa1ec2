"""Municipal editor groups, their collections and rights, and the KL approval workflow.

Everything here is idempotent: it is run when a MunicipalityPage or the MunicipalityIndexPage is
created (signals in strategies/signals.py) and again by load_demo, and a second run changes nothing.
"""

from django.contrib.auth.models import Group

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from cms.permissions import (
    DRAFT_PAGE_PERMISSIONS,
    ensure_collection,
    ensure_kl_editors_group,
    grant_admin_access,
    grant_collection_permissions,
    grant_model_permissions,
    grant_page_permissions,
    municipal_group_name,
)
from directory.models import Organisation, Person

WORKFLOW_NAME = "Godkendelse hos KL"
TASK_NAME = "Godkendelse hos KL-redaktører"


def setup_municipal_editors(municipality_page):
    """The municipality's editor group: write (not publish) in its subtree, media in its own collection."""
    municipality = municipality_page.municipality
    group, _created = Group.objects.get_or_create(name=municipal_group_name(municipality))
    grant_admin_access(group)
    grant_page_permissions(group, municipality_page, DRAFT_PAGE_PERMISSIONS)
    collection = ensure_collection(municipality.name)
    grant_collection_permissions(group, collection)
    # Contact persons and partners are chosen from the shared directory; editors add to it and change (not
    # delete) their own municipality's entries (directory.permissions narrows "change" to those).
    grant_model_permissions(group, [Organisation, Person], actions=("add", "change", "view"))
    return group, collection


def setup_approval_workflow(index_page):
    """The workflow every page under /kommuner/ goes through: a KL editor approves or rejects it."""
    kl_editors = ensure_kl_editors_group()
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(kl_editors)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=WorkflowTask.objects.filter(workflow=workflow).count()
        )
    # An editor who later gives /kommuner/ another workflow keeps that choice.
    WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow
