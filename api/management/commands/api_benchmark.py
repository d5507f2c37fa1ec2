"""Requests per second for two list endpoints and one detail endpoint of the open-data API."""

import time

from django.core.management.base import BaseCommand
from django.test import Client

from api.sources import StrategyPage


class Command(BaseCommand):
    help = "Måler API'et: forespørgsler pr. sekund for to lister og én enkelt strategi, på databasens indhold."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=5.0, help="Hvor længe hver adresse måles (sekunder).")
        parser.add_argument("--page-size", type=int, default=100, help="page_size for listerne.")

    def handle(self, *args, seconds, page_size, **options):
        strategy = StrategyPage.objects.live().public().order_by("pk").first()
        if strategy is None:
            self.stderr.write("Der er ingen offentliggjorte strategier. Kør først: python manage.py load_demo")
            return
        paths = [
            f"/api/v1/strategies?page_size={page_size}",
            f"/api/v1/actions?page_size={page_size}",
            f"/api/v1/strategies/{strategy.pk}",
        ]
        # In-process through Django's test client: the whole request cycle (middleware, ORM, JSON), no network.
        client = Client(HTTP_HOST="127.0.0.1")
        self.stdout.write(f"{'endpoint':<45} {'items':>6} {'requests':>9} {'req/s':>8} {'ms/req':>8}")
        for path in paths:
            response = client.get(path)
            if response.status_code != 200:
                self.stderr.write(f"{path}: status {response.status_code}")
                continue
            body = response.json()
            items = len(body["results"]) if "results" in body else 1
            count, started = 0, time.perf_counter()
            while time.perf_counter() - started < seconds:
                client.get(path)
                count += 1
            elapsed = time.perf_counter() - started
            self.stdout.write(
                f"{path:<45} {items:>6} {count:>9} {count / elapsed:>8.1f} {1000 * elapsed / count:>8.1f}"
            )
