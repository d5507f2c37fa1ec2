"""`python manage.py search_benchmark --docs 10000 --database-url ...`: measure the database engine.

Builds a synthetic Danish-like corpus in a SEPARATE database (given by --database-url, migrated
first), rebuilds the index from it and prints indexing throughput and p50/p95/max latency of a
fixed query set, facet counts included.
"""

import argparse
import os
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from search import benchmark


class Command(BaseCommand):
    help = "Benchmark the database search engine on a synthetic corpus in a separate database."

    def add_arguments(self, parser):
        parser.add_argument("--docs", type=int, default=10_000, help="Number of documents (default 10000).")
        parser.add_argument("--repeat", type=int, default=10, help="Timed runs of each query (default 10).")
        parser.add_argument(
            "--database-url",
            help="The separate database to use, e.g. postgres://postgres@127.0.0.1:5432/gp_bench_10k or "
            "sqlite:////tmp/gp_bench_10k.sqlite3. It is migrated and filled with benchmark pages.",
        )
        parser.add_argument("--in-place", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, docs, repeat, database_url=None, in_place=False, **options):
        if database_url:
            self.run_in(database_url, docs, repeat)
            return
        if not in_place:
            raise CommandError("Give --database-url: the benchmark never runs in the site's own database.")
        self.benchmark(docs, repeat)

    def run_in(self, database_url, docs, repeat):
        environment = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=environment, check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [*manage, "search_benchmark", "--in-place", "--docs", str(docs), "--repeat", str(repeat)],
            env=environment,
            check=True,
        )

    def benchmark(self, docs, repeat):
        real_pages = Page.objects.filter(depth__gt=2).exclude(path__startswith=self.benchmark_path()).count()
        if real_pages:
            raise CommandError(
                f"This database holds {real_pages} real pages. Run the benchmark in an empty database (--database-url)."
            )
        self.stdout.write(f"Database: {benchmark.vendor_description()}; {docs} dokumenter.")
        page_ids = benchmark.ensure_pages(docs, self.stdout)
        started = time.perf_counter()
        writing = benchmark.index_corpus(page_ids, self.stdout)
        total = time.perf_counter() - started
        self.stdout.write(
            f"Indeksering: {docs} dokumenter på {total:.1f} s i alt ({docs / total:.0f} dok./s), "
            f"heraf skrivning til indekset {writing:.1f} s ({docs / writing:.0f} dok./s)."
        )
        timings = benchmark.run_queries(repeat)
        self.stdout.write(f"\n{'Forespørgsel':<28} {'hits':>7} {'median ms':>10} {'max ms':>8}")
        for label, (runs, hits) in timings.items():
            self.stdout.write(f"{label:<28} {hits:>7} {sorted(runs)[len(runs) // 2]:>10.1f} {max(runs):>8.1f}")
        figures = benchmark.summary(timings)
        self.stdout.write(
            self.style.SUCCESS(
                f"\nAlle {len(timings)} forespørgsler x {repeat}: p50 {figures['p50']:.1f} ms, "
                f"p95 {figures['p95']:.1f} ms, max {figures['max']:.1f} ms (med facettællinger og fremhævning)."
            )
        )

    def benchmark_path(self):
        parent = Page.objects.filter(slug=benchmark.BENCH_SLUG, depth=2).first()
        return parent.path if parent else "-"
