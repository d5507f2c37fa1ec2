"""E-mail leaves the site through a real SMTP server, or the failure is logged as an error."""

import email
import email.policy
import socket

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase, override_settings

from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from aiosmtpd.controller import Controller

from cms.factories import StandardPageFactory
from cms.tests.utils import make_home_page


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SMTP = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1", "EMAIL_TIMEOUT": 5}


class MailTests(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inbox = Inbox()
        cls.smtp = Controller(cls.inbox, hostname="127.0.0.1", port=free_port())
        cls.smtp.start()
        cls.addClassCleanup(cls.smtp.stop)

    @classmethod
    def setUpTestData(cls):
        User = get_user_model()
        cls.home = make_home_page()
        cls.page = StandardPageFactory(parent=cls.home, title="Om netværket", slug="om-netvaerket")
        moderators = Group.objects.create(name="Godkendere")
        cls.moderator = User.objects.create_user("godkender", "godkender@example.dk", "hemmeligt-kodeord-1")
        cls.moderator.groups.add(moderators)
        cls.writer = User.objects.create_user("skribent", "skribent@example.dk", "hemmeligt-kodeord-2")
        cls.workflow = Workflow.objects.create(name="Godkendelse")
        task = GroupApprovalTask.objects.create(name="Godkendelse hos godkendere")
        task.groups.add(moderators)
        WorkflowTask.objects.create(workflow=cls.workflow, task=task, sort_order=0)

    def setUp(self):
        self.inbox.messages.clear()

    def settings_for(self, port):
        return override_settings(**SMTP, EMAIL_PORT=port, DEFAULT_FROM_EMAIL="Grønne partnerskaber <web@example.dk>")

    def test_password_reset_is_delivered(self):
        with self.settings_for(self.smtp.port):
            response = self.client.post("/admin/password_reset/", {"email": "skribent@example.dk"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(self.inbox.messages), 1)
        recipients, message = self.inbox.messages[0]
        self.assertEqual(recipients, ["skribent@example.dk"])
        self.assertIn("web@example.dk", message["From"])
        self.assertIn("/admin/password_reset/confirm/", message.get_content())

    def test_a_submission_for_approval_notifies_the_approvers(self):
        with self.settings_for(self.smtp.port), self.captureOnCommitCallbacks(execute=True):
            self.page.save_revision(user=self.writer)
            self.workflow.start(self.page, self.writer)
        recipients = [address for tos, _message in self.inbox.messages for address in tos]
        self.assertIn("godkender@example.dk", recipients)
        subjects = [message["Subject"] for _tos, message in self.inbox.messages]
        self.assertTrue(any("Om netværket" in subject for subject in subjects), subjects)

    def test_a_failed_password_reset_mail_is_logged_as_an_error(self):
        with self.settings_for(free_port()), self.assertLogs("django.contrib.auth", "ERROR") as logs:
            response = self.client.post("/admin/password_reset/", {"email": "skribent@example.dk"})
        self.assertEqual(response.status_code, 302)
        self.assertIn("Failed to send password reset email", logs.output[0])

    def test_a_failed_notification_is_logged_as_an_error(self):
        with (
            self.settings_for(free_port()),
            self.assertLogs("wagtail.admin", "ERROR") as logs,
            self.captureOnCommitCallbacks(execute=True),
        ):
            self.page.save_revision(user=self.writer)
            self.workflow.start(self.page, self.writer)
        self.assertIn("Mail connection error", "\n".join(logs.output))
