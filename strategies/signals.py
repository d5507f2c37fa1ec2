"""Set up editors, collections and the approval workflow when the pages that need them are created."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from strategies.models import MunicipalityIndexPage, MunicipalityPage
from strategies.permissions import setup_approval_workflow, setup_municipal_editors


@receiver(post_save, sender=MunicipalityPage, dispatch_uid="strategies_municipality_page_created")
def municipality_page_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        setup_municipal_editors(instance)


@receiver(post_save, sender=MunicipalityIndexPage, dispatch_uid="strategies_municipality_index_created")
def municipality_index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        setup_approval_workflow(instance)
