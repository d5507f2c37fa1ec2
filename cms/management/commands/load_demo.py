import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.demo.base import DemoReport

# The apps whose `demo` module adds content, in the order they build on each other.
DEMO_APPS = ["cms", "strategies", "cases", "participation", "search"]


class Command(BaseCommand):
    help = (
        "Build the demo site: page tree, themes, municipalities, images and demo users. "
        "Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Give the demo users new passwords and print them.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even with DEBUG off (demo users have printed passwords: not for real sites).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"] and not getattr(settings, "TESTING", False):
            raise CommandError(
                "load_demo builds demo users with printed passwords and runs only with DEBUG on. "
                "Use --allow-production if you really mean it."
            )
        report = DemoReport(self.stdout, self.style, reset_passwords=options["reset_passwords"])
        for app_label in DEMO_APPS:
            if not apps.is_installed(app_label):
                continue
            module_name = f"{apps.get_app_config(app_label).name}.demo"
            if importlib.util.find_spec(module_name) is None:
                continue
            module = importlib.import_module(module_name)
            with transaction.atomic():
                module.load(report)
        self.stdout.write(self.style.SUCCESS(f"Demo-sitet er klar ({report.created} nye objekter)."))
        self.print_logins(report)

    def print_logins(self, report):
        self.stdout.write("\nDemo-logins (kun til lokal brug) på http://127.0.0.1:8000/admin/:")
        for username, password, role in report.logins:
            shown = password or "(uændret – kør med --reset-passwords for en ny)"
            self.stdout.write(f"  {username:<20} {shown:<22} {role}")
        self.stdout.write(
            "\nTo-trins-login: admin og kl-redaktoer skal bruge en godkendelsesapp (fx Microsoft Authenticator,\n"
            "Google Authenticator eller FreeOTP). Ved første login viser /admin/to-trins-login/ en QR-kode:\n"
            "skan den, skriv den sekscifrede kode, og gem de ti gendannelseskoder. Kommunale redaktører\n"
            "(redaktoer-aarhus, redaktoer-odense) kan slå det til under Konto › To-trins-login.\n"
            "Mistet telefon: en administrator sletter enheden i /django-admin/otp_totp/totpdevice/."
        )
