"""Finding 6 and 8: media and pages follow collections and rights; stale saves are refused."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import streamfield

import wagtail_factories

from strategies.factories import StrategyPageFactory
from strategies.tests.forms import strategy_form_data
from strategies.tests.utils import build_tree

Document = get_document_model()


def make_document(title, collection):
    return Document.objects.create(
        title=title, collection=collection, file=SimpleUploadedFile(f"{title}.pdf", b"%PDF-1.4\n%%EOF\n")
    )


class MediaAndPageChoiceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.aarhus_collection = Collection.objects.get(name="Aarhus Kommune")
        cls.odense_collection = Collection.objects.get(name="Odense Kommune")
        cls.aarhus_image = wagtail_factories.ImageFactory(title="Aarhus-billede", collection=cls.aarhus_collection)
        cls.odense_image = wagtail_factories.ImageFactory(title="Odense-billede", collection=cls.odense_collection)
        cls.aarhus_doc = make_document("Aarhus-dokument", cls.aarhus_collection)
        cls.odense_doc = make_document("Odense-dokument", cls.odense_collection)
        cls.odense_draft = StrategyPageFactory(parent=cls.odense_page, title="Odenses hemmelige udkast", live=False)

    def setUp(self):
        self.client.force_login(self.aarhus_editor)

    def edit_strategy(self, **overrides):
        values = {
            "title": self.aarhus_strategy.title,
            "slug": self.aarhus_strategy.slug,
            "municipality": self.aarhus.pk,
            "contact": self.aarhus_strategy.contact_id,
        }
        values.update(overrides)
        url = reverse("wagtailadmin_pages:edit", args=(self.aarhus_strategy.pk,))
        return self.client.post(url, strategy_form_data(**values))

    def form_errors(self, response):
        self.assertEqual(response.status_code, 200, "the form is shown again")
        return response.context["form"].errors

    def test_admin_api_lists_only_the_editors_images_and_documents(self):
        images = self.client.get("/admin/api/main/images/").json()
        self.assertEqual([item["title"] for item in images["items"]], ["Aarhus-billede"])
        self.assertEqual(images["meta"]["total_count"], 1)
        self.assertEqual(self.client.get(f"/admin/api/main/images/{self.odense_image.pk}/").status_code, 404)
        documents = self.client.get("/admin/api/main/documents/").json()
        self.assertEqual([item["title"] for item in documents["items"]], ["Aarhus-dokument"])
        self.assertEqual(self.client.get(f"/admin/api/main/documents/{self.odense_doc.pk}/").status_code, 404)

    def test_kl_editors_see_every_collection_in_the_api(self):
        self.client.force_login(self.kl_editor)
        self.assertEqual(self.client.get("/admin/api/main/images/").json()["meta"]["total_count"], 2)

    def test_choosers_show_only_the_editors_collection(self):
        html = self.client.get("/admin/images/chooser/").content.decode()
        self.assertIn("Aarhus-billede", html)
        self.assertNotIn("Odense-billede", html)
        html = self.client.get("/admin/documents/chooser/").content.decode()
        self.assertIn("Aarhus-dokument", html)
        self.assertNotIn("Odense-dokument", html)

    def test_page_form_refuses_another_collections_image_and_document(self):
        errors = self.form_errors(self.edit_strategy(hero_image=self.odense_image.pk, document=self.odense_doc.pk))
        self.assertIn("Du har ikke adgang til at vælge", " ".join(errors["hero_image"]))
        self.assertIn("Du har ikke adgang til at vælge", " ".join(errors["document"]))
        self.aarhus_strategy.refresh_from_db()
        self.assertIsNone(self.aarhus_strategy.hero_image_id)
        self.assertFalse(self.aarhus_strategy.get_latest_revision().content.get("hero_image"))

    def test_page_form_accepts_the_editors_own_media(self):
        response = self.edit_strategy(hero_image=self.aarhus_image.pk, document=self.aarhus_doc.pk)
        self.assertEqual(response.status_code, 302)
        self.aarhus_strategy.refresh_from_db()
        revision = self.aarhus_strategy.get_latest_revision()
        self.assertEqual(revision.content["hero_image"], self.aarhus_image.pk)

    def test_streamfield_chooser_blocks_refuse_other_collections(self):
        body = streamfield(
            [
                ("document", {"document": self.odense_doc.pk, "title": ""}),
                (
                    "figure",
                    {"image": {"image": self.odense_image.pk, "alt_text": "x", "decorative": ""}, "caption": ""},
                ),
            ]
        )
        errors = self.form_errors(self.edit_strategy(body=body))
        text = " ".join(str(error) for error in errors["body"].as_data()[0].non_block_errors)
        self.assertIn("Odense-dokument", text)
        self.assertIn("Odense-billede", text)

    def test_page_chooser_hides_other_municipalities_unpublished_pages(self):
        html = self.client.get(f"/admin/choose-page/{self.odense_page.pk}/").json()["html"]
        self.assertIn("Odenses grønne kulturstrategi", html, "live pages may be linked to")
        self.assertNotIn("hemmelige udkast", html)
        response = self.client.get("/admin/choose-page/search/?q=hemmelige")
        self.assertNotIn("hemmelige udkast", response.content.decode())
        self.client.force_login(self.kl_editor)
        html = self.client.get(f"/admin/choose-page/{self.odense_page.pk}/").json()["html"]
        self.assertIn("hemmelige udkast", html, "KL editors choose from everything")

    def test_bulk_actions_do_not_name_other_municipalities_objects(self):
        url = f"/admin/bulk/wagtailimages/image/delete/?id={self.odense_image.pk}&id={self.aarhus_image.pk}"
        html = self.client.get(url).content.decode()
        self.assertNotIn("Odense-billede", html)
        self.assertIn("Aarhus-billede", html)
        html = self.client.get(f"/admin/bulk/wagtaildocs/document/delete/?id={self.odense_doc.pk}").content.decode()
        self.assertNotIn("Odense-dokument", html)
        html = self.client.get(f"/admin/bulk/wagtailcore/page/delete/?id={self.odense_draft.pk}").content.decode()
        self.assertNotIn("hemmelige udkast", html)
        # A POST cannot reach them either.
        self.client.post(url)
        self.assertTrue(type(self.odense_image).objects.filter(pk=self.odense_image.pk).exists())

    def test_reports_are_hidden_from_municipal_editors(self):
        response = self.client.get("/admin/reports/site-history/")
        self.assertIn(response.status_code, (302, 403))
        self.assertNotIn("/admin/reports/", self.client.get("/admin/").content.decode())
        self.client.force_login(self.kl_editor)
        self.assertEqual(self.client.get("/admin/reports/site-history/").status_code, 200)


class StaleSaveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def data(self, **overrides):
        values = {
            "title": self.aarhus_strategy.title,
            "slug": self.aarhus_strategy.slug,
            "municipality": self.aarhus.pk,
            "contact": self.aarhus_strategy.contact_id,
        }
        values.update(overrides)
        return strategy_form_data(**values)

    def test_a_save_based_on_an_older_revision_is_refused_with_a_link_to_the_newer(self):
        url = reverse("wagtailadmin_pages:edit", args=(self.aarhus_strategy.pk,))
        loaded = self.aarhus_strategy.get_latest_revision()
        stamp = loaded.created_at.isoformat()
        # Editor B saves first.
        self.client.force_login(self.kl_editor)
        response = self.client.post(
            url, {**self.data(intro="B's tekst"), "loaded_revision_id": loaded.pk, "loaded_revision_created_at": stamp}
        )
        self.assertEqual(response.status_code, 302)
        # Editor A posts with the revision they loaded before B's save.
        self.client.force_login(self.aarhus_editor)
        response = self.client.post(
            url, {**self.data(intro="A's tekst"), "loaded_revision_id": loaded.pk, "loaded_revision_created_at": stamp}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Siden er gemt af")
        self.assertContains(response, "Åbn den nyeste version")
        self.assertContains(response, "A&#x27;s tekst", msg_prefix="A's text stays in the form")
        self.aarhus_strategy.refresh_from_db()
        self.assertEqual(self.aarhus_strategy.get_latest_revision().content["intro"], "B's tekst")

    def test_a_save_based_on_the_latest_revision_goes_through(self):
        url = reverse("wagtailadmin_pages:edit", args=(self.aarhus_strategy.pk,))
        latest = self.aarhus_strategy.get_latest_revision()
        self.client.force_login(self.aarhus_editor)
        response = self.client.post(
            url,
            {
                **self.data(intro="Ny tekst"),
                "loaded_revision_id": latest.pk,
                "loaded_revision_created_at": latest.created_at.isoformat(),
            },
        )
        self.assertEqual(response.status_code, 302)
