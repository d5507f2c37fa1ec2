"""Set up editors, collections and the approval workflow when the pages that need them are created; publishing
a strategy or action plan renews its review date."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from strategies.models import ActionPlanPage, MunicipalityIndexPage, MunicipalityPage, StrategyPage
from strategies.permissions import setup_approval_workflow, setup_municipal_editors
from strategies.reviews import renew_review_date


@receiver(post_save, sender=MunicipalityPage, dispatch_uid="strategies_municipality_page_created")
def municipality_page_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        setup_municipal_editors(instance)


@receiver(post_save, sender=MunicipalityIndexPage, dispatch_uid="strategies_municipality_index_created")
def municipality_index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        setup_approval_workflow(instance)


@receiver(page_published, sender=StrategyPage, dispatch_uid="strategies_strategy_review_date")
@receiver(page_published, sender=ActionPlanPage, dispatch_uid="strategies_action_plan_review_date")
def review_date_on_publish(sender, instance, revision=None, **kwargs):
    renew_review_date(instance, revision)
