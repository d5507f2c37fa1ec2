"""Municipal editors write only in their own municipality; KL editors approve what goes live."""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Workflow

from cms.models import Municipality
from strategies.factories import MunicipalityPageFactory
from strategies.models import StrategyPage
from strategies.permissions import WORKFLOW_NAME
from strategies.tests.forms import strategy_form_data
from strategies.tests.utils import build_tree


def admin_url(name, *args):
    return reverse(f"wagtailadmin_pages:{name}", args=args)


class MunicipalitySetupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def test_creating_a_municipality_page_sets_up_group_collection_and_rights(self):
        vejle = Municipality.objects.get(short_name="Vejle")
        page = MunicipalityPageFactory(parent=self.index, municipality=vejle)
        group = Group.objects.get(name="Redaktører: Vejle Kommune")
        rights = set(
            GroupPagePermission.objects.filter(group=group, page=page).values_list("permission__codename", flat=True)
        )
        self.assertEqual(rights, {"add_page", "change_page", "lock_page"})
        collection = Collection.objects.get(name="Vejle Kommune")
        self.assertTrue(GroupCollectionPermission.objects.filter(group=group, collection=collection).exists())
        self.assertTrue(group.permissions.filter(codename="access_admin").exists())

    def test_creating_a_municipality_page_in_the_admin_sets_up_its_editors(self):
        from wagtail.test.utils.form_data import nested_form_data, streamfield

        herning = Municipality.objects.get(short_name="Herning")
        self.client.force_login(self.kl_editor)
        data = nested_form_data(
            {
                "title": "Herning Kommune",
                "slug": "herning-kommune",
                "municipality": herning.pk,
                "intro": "",
                "member_since": "2025",
                "website": "",
                "body": streamfield([]),
            }
        )
        url = reverse("wagtailadmin_pages:add", args=("strategies", "municipalitypage", self.index.pk))
        self.assertEqual(self.client.post(url, data).status_code, 302)
        page = herning.member_page
        self.assertEqual(page.slug, "herning", "the address follows the municipality's name")
        group = Group.objects.get(name="Redaktører: Herning Kommune")
        self.assertTrue(GroupPagePermission.objects.filter(group=group, page=page).exists())
        self.assertTrue(Collection.objects.filter(name="Herning Kommune").exists())

    def test_a_municipality_can_have_only_one_page(self):
        from django.core.exceptions import ValidationError

        from strategies.models import MunicipalityPage

        duplicate = MunicipalityPage(title="Aarhus igen", municipality=self.aarhus)
        with self.assertRaises(ValidationError) as caught:
            duplicate.clean()
        self.assertIn("municipality", caught.exception.message_dict)

    def test_setup_is_idempotent(self):
        from strategies.permissions import setup_municipal_editors

        before = GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count(), Group.objects.count()
        setup_municipal_editors(self.aarhus_page)
        after = GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count(), Group.objects.count()
        self.assertEqual(before, after)

    def test_the_kl_workflow_covers_every_municipality(self):
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        self.assertEqual(self.aarhus_strategy.get_workflow(), workflow)
        self.assertEqual(self.odense_page.get_workflow(), workflow)
        task = workflow.workflow_tasks.get().task.specific
        self.assertEqual(list(task.groups.values_list("name", flat=True)), ["KL-redaktører"])


class MunicipalEditorAccessTests(TestCase):
    """The Aarhus editor against Aarhus' and Odense's pages."""

    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def setUp(self):
        self.client.force_login(self.aarhus_editor)

    def assertRefused(self, response):
        self.assertIn(response.status_code, (302, 403), "the editor should be refused")
        if response.status_code == 302:
            self.assertEqual(response.url, reverse("wagtailadmin_home"))

    def form_for(self, strategy, **overrides):
        values = {
            "title": strategy.title,
            "slug": strategy.slug,
            "municipality": strategy.municipality_id,
            "contact": strategy.contact_id,
        }
        values.update(overrides)
        return strategy_form_data(**values)

    def test_can_add_and_edit_in_own_municipality(self):
        response = self.client.get(admin_url("add", "strategies", "strategypage", self.aarhus_page.pk))
        self.assertEqual(response.status_code, 200)
        data = strategy_form_data(slug="ny-strategi", title="Ny strategi", contact=self.aarhus_strategy.contact_id)
        data["municipality"] = self.aarhus.pk
        response = self.client.post(admin_url("add", "strategies", "strategypage", self.aarhus_page.pk), data)
        self.assertEqual(response.status_code, 302)
        created = StrategyPage.objects.get(slug="ny-strategi")
        self.assertFalse(created.live)
        self.assertEqual(created.get_parent().pk, self.aarhus_page.pk)

        response = self.client.get(admin_url("edit", self.aarhus_strategy.pk))
        self.assertEqual(response.status_code, 200)
        response = self.client.post(
            admin_url("edit", self.aarhus_strategy.pk), self.form_for(self.aarhus_strategy, title="Ændret titel")
        )
        self.assertEqual(response.status_code, 302)
        self.aarhus_strategy.refresh_from_db()
        self.assertEqual(self.aarhus_strategy.get_latest_revision_as_object().title, "Ændret titel")
        self.assertEqual(self.aarhus_strategy.title, "Aarhus' grønne kulturstrategi", "still the live title")

    def test_cannot_add_or_edit_in_another_municipality(self):
        add_url = admin_url("add", "strategies", "strategypage", self.odense_page.pk)
        self.assertRefused(self.client.get(add_url))
        data = strategy_form_data(slug="indbrud", contact=self.odense_strategy.contact_id, municipality=self.odense.pk)
        self.assertRefused(self.client.post(add_url, data))
        self.assertFalse(StrategyPage.objects.filter(slug="indbrud").exists())

        edit_url = admin_url("edit", self.odense_strategy.pk)
        self.assertRefused(self.client.get(edit_url))
        self.assertRefused(self.client.post(edit_url, self.form_for(self.odense_strategy, title="Overtaget")))
        self.odense_strategy.refresh_from_db()
        self.assertNotEqual(self.odense_strategy.get_latest_revision_as_object().title, "Overtaget")

    def test_cannot_publish_anywhere_not_even_in_own_municipality(self):
        for strategy in (self.aarhus_strategy, self.odense_strategy):
            with self.subTest(strategy=strategy.title):
                data = self.form_for(strategy, title="Udgivet af kommunen")
                data["action-publish"] = "action-publish"
                self.client.post(admin_url("edit", strategy.pk), data)
                strategy.refresh_from_db()
                self.assertNotEqual(strategy.title, "Udgivet af kommunen")

    def test_cannot_delete_move_copy_preview_or_see_history_of_another_municipality(self):
        page = self.odense_strategy
        self.assertRefused(self.client.get(admin_url("delete", page.pk)))
        self.assertRefused(self.client.post(admin_url("delete", page.pk)))
        self.assertTrue(Page.objects.filter(pk=page.pk).exists())

        self.assertRefused(self.client.get(admin_url("move", page.pk)))
        self.assertRefused(self.client.post(admin_url("move_confirm", page.pk, self.aarhus_page.pk)))
        self.assertEqual(page.get_parent().pk, self.odense_page.pk)

        self.assertRefused(self.client.get(admin_url("copy", page.pk)))
        copy_data = {"new_title": "Kopi", "new_slug": "kopi", "new_parent_page": self.aarhus_page.pk}
        self.assertRefused(self.client.post(admin_url("copy", page.pk), copy_data))
        self.assertFalse(Page.objects.filter(slug="kopi").exists())

        self.assertRefused(self.client.get(admin_url("preview_on_edit", page.pk)))
        self.assertRefused(self.client.post(admin_url("preview_on_edit", page.pk), self.form_for(page)))
        self.assertRefused(self.client.get(admin_url("history", page.pk)))

    def test_cannot_delete_or_move_own_municipality_page(self):
        self.assertRefused(self.client.post(admin_url("delete", self.aarhus_page.pk)))
        self.assertTrue(Page.objects.filter(pk=self.aarhus_page.pk).exists())

    def test_may_preview_and_see_history_in_own_municipality(self):
        self.assertEqual(self.client.get(admin_url("history", self.aarhus_strategy.pk)).status_code, 200)
        response = self.client.post(
            admin_url("preview_on_edit", self.aarhus_strategy.pk), self.form_for(self.aarhus_strategy)
        )
        self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})

    def test_a_new_page_offers_submit_for_approval_as_the_main_button(self):
        url = reverse("wagtailadmin_pages:add", args=("strategies", "strategypage", self.aarhus_page.pk))
        footer = self.client.get(url).content.decode().split("<footer", 1)[1]
        self.assertIn("Indsend til godkendelse", footer)
        self.assertLess(footer.index("Indsend til godkendelse"), footer.index("Gem kladde"))

    def test_copies_within_own_municipality_as_an_unpublished_draft_as_the_docs_say(self):
        page = self.aarhus_strategy
        data = {"new_title": "Kopi af strategien", "new_slug": "kopi-af-strategien"}
        refused = dict(data, new_parent_page=self.odense_page.pk, new_slug="kopi-hos-odense")
        response = self.client.post(admin_url("copy", page.pk), refused)
        self.assertFalse(Page.objects.filter(slug="kopi-hos-odense").exists(), "not into another municipality")
        self.assertNotEqual(response.status_code, 500)
        data.update(new_parent_page=self.aarhus_page.pk, publish_copies="on")
        self.client.post(admin_url("copy", page.pk), data)
        copy = Page.objects.get(slug="kopi-af-strategien")
        self.assertEqual(copy.get_parent().pk, self.aarhus_page.pk)
        self.assertFalse(copy.live, "the copy waits for KL's approval like any new page")


class ApprovalWorkflowTests(TestCase):
    """A strategy goes from a municipal editor's draft to published after a KL editor approves it."""

    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def submit_new_strategy(self):
        self.client.force_login(self.aarhus_editor)
        data = strategy_form_data(
            slug="til-godkendelse",
            title="Strategi til godkendelse",
            municipality=self.aarhus.pk,
            contact=self.aarhus_strategy.contact_id,
        )
        data["action-submit"] = "action-submit"
        response = self.client.post(admin_url("add", "strategies", "strategypage", self.aarhus_page.pk), data)
        self.assertEqual(response.status_code, 302)
        return StrategyPage.objects.get(slug="til-godkendelse")

    def test_submitted_strategy_is_in_moderation_and_not_public(self):
        page = self.submit_new_strategy()
        self.assertFalse(page.live)
        self.assertTrue(page.workflow_in_progress)
        self.assertEqual(page.current_workflow_state.workflow.name, WORKFLOW_NAME)
        self.client.logout()
        self.assertEqual(self.client.get("/kommuner/aarhus/til-godkendelse/").status_code, 404)
        self.assertNotContains(self.client.get("/kommuner/"), "Strategi til godkendelse")

    def test_municipal_editor_cannot_approve_own_submission(self):
        page = self.submit_new_strategy()
        task_state = page.current_workflow_task_state
        response = self.client.post(admin_url("workflow_action", page.pk, "approve", task_state.pk), {"comment": ""})
        self.assertIn(response.status_code, (302, 403))
        page.refresh_from_db()
        self.assertFalse(page.live)

    def test_kl_editor_approval_publishes_the_strategy(self):
        page = self.submit_new_strategy()
        task_state = page.current_workflow_task_state
        self.client.force_login(self.kl_editor)
        response = self.client.post(
            admin_url("workflow_action", page.pk, "approve", task_state.pk), {"comment": "Fin strategi."}
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.client.logout()
        self.assertContains(self.client.get("/kommuner/"), "Strategi til godkendelse")
        self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_kl_editor_can_reject_with_a_comment(self):
        page = self.submit_new_strategy()
        task_state = page.current_workflow_task_state
        self.client.force_login(self.kl_editor)
        self.client.post(
            admin_url("workflow_action", page.pk, "reject", task_state.pk), {"comment": "Mangler en kontaktperson."}
        )
        page.refresh_from_db()
        self.assertFalse(page.live)
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, "rejected")
        self.assertEqual(task_state.get_comment(), "Mangler en kontaktperson.")
