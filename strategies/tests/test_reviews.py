"""Content that stays fresh: review dates, reminders by e-mail, the dashboard panel and the coverage count."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from strategies.models import ReviewReminder, StrategyPage
from strategies.reviews import a_year_after, overdue_count, send_review_reminders
from strategies.tests.utils import build_tree, publish


class ReviewDateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def setUp(self):
        self.today = timezone.localdate()

    def test_publishing_sets_the_review_date_a_year_ahead(self):
        strategy = StrategyPage.objects.get(pk=self.aarhus_strategy.pk)
        self.assertEqual(strategy.review_on, a_year_after(self.today))
        revision = strategy.get_latest_revision()
        self.assertEqual(revision.as_object().review_on, strategy.review_on, "the next draft keeps the date")

    def test_a_date_the_editor_chose_is_kept_and_a_passed_one_renewed(self):
        chosen = self.today + datetime.timedelta(days=100)
        self.aarhus_strategy.review_on = chosen
        publish(self.aarhus_strategy)
        self.assertEqual(StrategyPage.objects.get(pk=self.aarhus_strategy.pk).review_on, chosen)
        self.aarhus_strategy.review_on = self.today - datetime.timedelta(days=3)
        publish(self.aarhus_strategy)
        self.assertEqual(StrategyPage.objects.get(pk=self.aarhus_strategy.pk).review_on, a_year_after(self.today))

    def test_a_year_after_29_february(self):
        self.assertEqual(a_year_after(datetime.date(2028, 2, 29)), datetime.date(2029, 2, 28))


class ReminderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def setUp(self):
        self.today = timezone.localdate()
        StrategyPage.objects.filter(pk=self.aarhus_strategy.pk).update(review_on=self.today + datetime.timedelta(10))

    def test_the_municipalitys_editors_are_reminded_once_before_and_once_after_the_date(self):
        emails, pages = send_review_reminders(self.today)
        self.assertEqual((emails, pages), (1, 1))
        message = mail.outbox[0]
        self.assertEqual(message.to, [self.aarhus_editor.email])
        self.assertIn("1 side skal snart gennemses", message.subject)
        self.assertIn("Aarhus' grønne kulturstrategi", message.body)
        self.assertIn(reverse("wagtailadmin_pages:edit", args=[self.aarhus_strategy.pk]), message.body)
        self.assertIn("Gennemses senest", message.body)

        self.assertEqual(send_review_reminders(self.today), (0, 0), "a reminder is sent once")

        later = self.today + datetime.timedelta(days=11)
        self.assertEqual(send_review_reminders(later), (1, 1))
        self.assertIn("overskredet", mail.outbox[1].subject)
        self.assertIn("Skulle have været gennemset senest", mail.outbox[1].body)
        self.assertEqual(ReviewReminder.objects.filter(page=self.aarhus_strategy).count(), 2)
        self.assertNotIn(self.odense_editor.email, [address for m in mail.outbox for address in m.to])

    def test_pages_far_from_their_date_and_drafts_are_left_alone(self):
        StrategyPage.objects.filter(pk=self.aarhus_strategy.pk).update(review_on=self.today + datetime.timedelta(60))
        StrategyPage.objects.filter(pk=self.odense_strategy.pk).update(live=False, review_on=self.today)
        self.assertEqual(send_review_reminders(self.today), (0, 0))
        self.assertEqual(mail.outbox, [])

    def test_the_command_reports_what_it_sent(self):
        from io import StringIO

        out = StringIO()
        call_command("send_review_reminders", stdout=out)
        self.assertIn("1 e-mails about 1 pages", out.getvalue())


class DashboardAndCoverageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def setUp(self):
        today = timezone.localdate()
        StrategyPage.objects.filter(pk=self.aarhus_strategy.pk).update(review_on=today - datetime.timedelta(2))

    def test_municipal_editors_see_their_own_pages_due_on_the_dashboard(self):
        self.client.force_login(self.aarhus_editor)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "Til gennemsyn")
        panel = response.content.decode().split('id="review-due-heading"')[1]
        self.assertIn("Aarhus&#x27; grønne kulturstrategi", panel)
        self.assertIn("Overskredet", panel)

        self.client.force_login(self.odense_editor)
        panel = self.client.get(reverse("wagtailadmin_home")).content.decode().split('id="review-due-heading"')[1]
        self.assertNotIn("Aarhus", panel)
        self.assertIn("Ingen strategier eller handlingsplaner skal gennemses", panel)

    def test_kl_editors_see_every_municipalitys_overdue_pages(self):
        self.client.force_login(self.kl_editor)
        panel = self.client.get(reverse("wagtailadmin_home")).content.decode().split('id="review-due-heading"')[1]
        self.assertIn("Aarhus Kommune", panel)
        self.assertIn("1 side har overskredet sin dato for gennemsyn", panel)

    def test_the_coverage_page_counts_overdue_pages(self):
        self.assertEqual(overdue_count(), 1)
        response = self.client.get(self.index.url + "daekning/")
        self.assertContains(response, "1 strategi eller handlingsplan har overskredet sin dato for gennemsyn")
