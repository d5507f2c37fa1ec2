"""The JSON API as a client sees it: what is public, filters, identifiers, errors, caching headers and CORS."""

from django.test import TestCase
from django.utils import translation

from api.tests.utils import build_open_data

API = "/api/v1"


class ApiTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_open_data(cls)

    def get(self, path, params=None, **headers):
        return self.client.get(API + path, params or {}, headers=headers)

    def results(self, path, params=None):
        response = self.get(path, params)
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()["results"]

    def titles(self, path, params=None):
        return sorted(item["title"] for item in self.results(path, params))


class WhatIsPublicTests(ApiTestCase):
    def test_only_published_public_strategies_are_listed(self):
        titles = self.titles("/strategies")
        self.assertEqual(titles, sorted([self.aarhus_strategy.title, "Odenses grønne kulturstrategi"]))

    def test_drafts_never_appear(self):
        self.assertNotIn(self.draft.title, self.titles("/strategies"))
        self.assertEqual(self.get(f"/strategies/{self.draft.pk}").status_code, 404)
        self.assertNotIn("Upubliceret case", self.titles("/cases"))
        self.assertEqual(self.get(f"/cases/{self.hidden_case.pk}").status_code, 404)
        self.assertNotIn(self.hidden_plan.pk, [plan["id"] for plan in self.results("/action-plans")])
        self.assertNotIn("Hemmelig handling", self.titles("/actions"))

    def test_pages_in_moderation_never_appear_and_pending_changes_stay_hidden(self):
        self.assertTrue(self.submitted.workflow_in_progress)
        self.assertNotIn("Strategi til godkendelse", self.titles("/strategies"))
        self.assertEqual(self.get(f"/strategies/{self.submitted.pk}").status_code, 404)
        # The published strategy shows its published title, not the one waiting for approval.
        self.assertTrue(self.odense_strategy.workflow_in_progress)
        detail = self.get(f"/strategies/{self.odense_strategy.pk}").json()
        self.assertEqual(detail["title"], "Odenses grønne kulturstrategi")

    def test_restricted_pages_never_appear(self):
        self.assertNotIn("Lukket strategi", self.titles("/strategies"))
        response = self.get(f"/strategies/{self.restricted.pk}")
        self.assertEqual(response.status_code, 404)
        self.assertIn("findes ikke", response.json()["detail"])

    def test_contact_people_show_their_role_but_no_contact_details(self):
        body = self.get("/strategies").content.decode() + self.get("/meetings").content.decode()
        self.assertIn("Signe Oplægsholder", body)
        self.assertNotIn("@example.org", body)
        self.assertNotIn("work_phone", body)


class ItemTests(ApiTestCase):
    def test_every_item_has_a_stable_id_and_its_canonical_danish_address(self):
        strategy = self.get(f"/strategies/{self.aarhus_strategy.pk}").json()
        self.assertEqual(strategy["id"], self.aarhus_strategy.pk)
        with translation.override("da"):
            self.assertEqual(strategy["url"], self.aarhus_strategy.get_full_url())
        translation.activate("en")
        self.assertEqual(self.get(f"/strategies/{self.aarhus_strategy.pk}").json()["url"], strategy["url"])
        translation.activate("da")

    def test_a_strategy_has_its_facts_themes_partners_and_plans(self):
        strategy = self.get(f"/strategies/{self.aarhus_strategy.pk}").json()
        self.assertEqual(strategy["status"], "i-gang")
        self.assertEqual(strategy["status_label"], "I gang")
        self.assertEqual((strategy["period_start"], strategy["period_end"]), (2025, 2028))
        self.assertEqual(strategy["municipality"]["code"], 751)
        self.assertEqual([t["slug"] for t in strategy["themes"]], [self.themes[0].slug])
        self.assertEqual([p["name"] for p in strategy["partners"]], ["Aarhus Hovedbibliotek"])
        self.assertEqual([p["id"] for p in strategy["action_plans"]], [self.aarhus_plan.pk])
        self.assertEqual(strategy["contact"]["name"], self.aarhus_strategy.contact.name)

    def test_actions_link_to_their_anchor_on_the_plan_and_carry_budget_and_responsible(self):
        actions = {a["title"]: a for a in self.results("/actions")}
        swap = actions["Byttemarked"]
        self.assertTrue(swap["url"].endswith(f"{self.aarhus_plan.url}#handling-{swap['id']}"))
        self.assertEqual(swap["budget_dkk"], 125000)
        self.assertEqual(swap["responsible"]["name"], "Aarhus Hovedbibliotek")
        self.assertEqual(swap["start_date"], "2025-03-01")
        self.assertEqual(swap["action_plan"]["id"], self.aarhus_plan.pk)
        plan = self.get(f"/action-plans/{self.aarhus_plan.pk}").json()
        self.assertEqual([a["title"] for a in plan["actions"]], ["Reparationscafé", "Frøbibliotek", "Byttemarked"])

    def test_meetings_have_their_programme_and_speakers(self):
        meeting = self.get(f"/meetings/{self.meeting.pk}").json()
        self.assertEqual(meeting["date"], "2025-05-06")
        self.assertEqual(meeting["start_time"], "10:00")
        self.assertEqual(meeting["programme"][0]["title"], "Velkomst")
        self.assertEqual(meeting["programme"][0]["speakers"][0]["name"], "Signe Oplægsholder")
        self.assertEqual([s["job_title"] for s in meeting["speakers"]], ["Kulturchef"])

    def test_cases_and_workshops_know_their_meeting(self):
        case = self.get(f"/cases/{self.case.pk}").json()
        self.assertEqual(case["meeting"]["id"], self.meeting.pk)
        self.assertEqual([m["code"] for m in case["municipalities"]], [751])
        workshop = self.get(f"/workshop-outputs/{self.workshop.pk}").json()
        self.assertEqual(workshop["outputs"], [{"kind": "idea", "title": "Byttemarked", "text": "Hver måned."}])
        self.assertEqual(workshop["facilitators"][0]["name"], "Signe Oplægsholder")

    def test_municipalities_say_whether_they_are_members_and_count_their_content(self):
        aarhus = self.get("/municipalities/751").json()
        self.assertTrue(aarhus["member"])
        self.assertEqual(aarhus["counts"], {"strategies": 1, "action_plans": 1, "actions": 3, "cases": 1})
        self.assertEqual(self.get("/municipalities", {"member": "true"}).json()["count"], 2)
        self.assertEqual(self.get("/municipalities").json()["count"], 98)

    def test_themes_and_organisations(self):
        theme = self.get(f"/themes/{self.themes[0].slug}").json()
        self.assertEqual(theme["counts"]["strategies"], 1)
        self.assertEqual(theme["counts"]["cases"], 1)
        organisation = self.get(f"/organisations/{self.partner.slug}").json()
        self.assertEqual(organisation["municipality"]["code"], 751)


class FilterTests(ApiTestCase):
    def test_theme_municipality_region_status_and_year(self):
        aarhus = [self.aarhus_strategy.title]
        self.assertEqual(self.titles("/strategies", {"theme": self.themes[0].slug}), aarhus)
        self.assertEqual(self.titles("/strategies", {"municipality": 751}), aarhus)
        self.assertEqual(self.titles("/strategies", {"region": self.aarhus.region.code}), aarhus)
        self.assertEqual(self.titles("/strategies", {"status": "i-gang"}), aarhus)
        self.assertEqual(self.titles("/strategies", {"year": 2027}), sorted([*aarhus, "Odenses grønne kulturstrategi"]))
        self.assertEqual(self.titles("/strategies", {"year": 2030}), [])
        self.assertEqual(self.titles("/actions", {"status": "planlagt"}), ["Byttemarked"])
        self.assertEqual(self.titles("/actions", {"theme": self.themes[1].slug}), [])
        self.assertEqual(self.titles("/cases", {"municipality": 751}), [self.case.title])
        self.assertEqual(self.titles("/cases", {"year": 2024}), [])
        self.assertEqual(self.titles("/meetings", {"year": 2025, "status": "afholdt"}), [self.meeting.title])

    def test_changed_since(self):
        published = self.aarhus_strategy.last_published_at
        later = self.odense_strategy.last_published_at
        newest = max(published, later)
        self.assertEqual(len(self.results("/strategies", {"changed_since": newest.isoformat()})), 1)
        self.assertEqual(self.results("/strategies", {"changed_since": "2999-01-01T00:00:00"}), [])
        # An offset ISO 8601 allows but PostgreSQL cannot store (found by schemathesis): an answer, not a 500.
        self.assertEqual(len(self.results("/strategies", {"changed_since": "0777-11-19T00:59:48-23:23"})), 2)

    def test_pagination_links_and_counts(self):
        body = self.get("/municipalities", {"page_size": 10, "page": 2}).json()
        self.assertEqual((body["count"], body["pages"], len(body["results"])), (98, 10, 10))
        self.assertIn("page=3", body["next"])
        self.assertIn("page=1", body["previous"])


class BadInputTests(ApiTestCase):
    def assert_400(self, path, params, parameter):
        response = self.get(path, params)
        self.assertEqual(response.status_code, 400, response.content)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        body = response.json()
        self.assertIn(parameter, body["detail"])
        self.assertIn(parameter, [error["parameter"] for error in body["errors"]])
        return body

    def test_unknown_filters_wrong_types_and_huge_pages_get_a_clear_400(self):
        body = self.assert_400("/strategies", {"kommune": "751"}, "kommune")
        self.assertIn("Tilladte parametre", body["detail"])
        self.assert_400("/strategies", {"year": "sidste år"}, "year")
        self.assert_400("/strategies", {"municipality": "Aarhus"}, "municipality")
        self.assert_400("/strategies", {"status": "slettet"}, "status")
        self.assert_400("/strategies", {"changed_since": "i går"}, "changed_since")
        body = self.assert_400("/strategies", {"page_size": 100000}, "page_size")
        self.assertIn("100", body["detail"])
        self.assert_400("/strategies", {"page": 10**12}, "page")
        self.assert_400("/strategies", {"page": 7}, "page")
        self.assert_400("/strategies", {"theme": "findes-ikke"}, "theme")
        self.assert_400("/strategies", {"region": 9999}, "region")
        self.assert_400("/strategies/noget", {}, "id")
        self.assert_400("/meetings", {"status": "aflyst"}, "status")
        self.assert_400("/municipalities/751", {"extra": "1"}, "extra")

    def test_unknown_ids_are_a_json_404(self):
        response = self.get("/strategies/2147483647")
        self.assertEqual(response.status_code, 404)
        self.assertIn("findes ikke", response.json()["detail"])
        self.assertEqual(self.get("/municipalities/9999").status_code, 404)


class HttpTests(ApiTestCase):
    def test_conditional_get_with_etag_and_last_modified(self):
        response = self.get("/strategies")
        etag, modified = response["ETag"], response["Last-Modified"]
        self.assertEqual(self.get("/strategies", If_None_Match=etag).status_code, 304)
        self.assertEqual(self.get("/strategies", If_Modified_Since=modified).status_code, 304)
        self.assertEqual(self.get("/strategies", If_None_Match='"noget-andet"').status_code, 200)

    def test_a_publish_changes_the_etag_and_last_modified(self):
        from strategies.tests.utils import publish

        before = self.get("/strategies")
        self.aarhus_strategy.title = "Aarhus' nye strategi"
        publish(self.aarhus_strategy)
        after = self.get("/strategies", If_None_Match=before["ETag"], If_Modified_Since=before["Last-Modified"])
        self.assertEqual(after.status_code, 200)
        self.assertNotEqual(after["ETag"], before["ETag"])
        self.assertIn("Aarhus' nye strategi", after.content.decode())

    def test_cors_for_reading_from_any_site(self):
        response = self.get("/strategies", Origin="https://data.example.org")
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        self.assertIn("ETag", response["Access-Control-Expose-Headers"])
        preflight = self.client.options(
            API + "/strategies",
            headers={"Origin": "https://data.example.org", "Access-Control-Request-Method": "GET"},
        )
        self.assertEqual(preflight["Access-Control-Allow-Origin"], "*")
        self.assertNotIn("POST", preflight["Access-Control-Allow-Methods"])
        page = self.client.get("/kommuner/", headers={"Origin": "https://data.example.org"})
        self.assertFalse(page.has_header("Access-Control-Allow-Origin"))

    def test_every_response_names_the_licence(self):
        self.assertIn("creativecommons.org/licenses/by/4.0", self.get("/themes")["Link"])

    def test_the_openapi_schema_is_at_a_fixed_address(self):
        schema = self.client.get(API + "/openapi.json").json()
        self.assertTrue(schema["openapi"].startswith("3."))
        for path in ("/api/v1/strategies", "/api/v1/actions", "/api/v1/action-plans", "/api/v1/meetings"):
            self.assertIn(path, schema["paths"])
        parameters = {p["name"] for p in schema["paths"]["/api/v1/strategies"]["get"]["parameters"]}
        self.assertTrue({"theme", "municipality", "region", "status", "year", "changed_since"} <= parameters)
        self.assertIn("400", schema["paths"]["/api/v1/strategies"]["get"]["responses"])
