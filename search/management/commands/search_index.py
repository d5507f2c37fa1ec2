"""`python manage.py search_index rebuild|update|clear`: maintain the public search index."""

import time

from django.core.management.base import BaseCommand

from search import indexing
from search.engines import index_engines


class Progress:
    """A text progress bar per page type; plain lines when the output is not a terminal."""

    WIDTH = 30

    def __init__(self, stream, enabled=True):
        self.stream = stream
        self.enabled = enabled
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def start(self, label, total):
        self.label, self.total, self.done, self.last_shown = str(label), total, 0, -1
        self.show()

    def advance(self):
        self.done += 1
        self.show()

    def finish(self):
        self.show(force=True)
        if self.enabled and self.tty:
            self.stream.write("\n")

    def show(self, force=False):
        if not self.enabled:
            return
        fraction = self.done / self.total if self.total else 1
        # A terminal redraws one line at every percent; a log gets a line at each quarter.
        step = int(fraction * 100) if self.tty else int(fraction * 4) * 25
        if step == self.last_shown:
            return
        self.last_shown = step
        filled = int(fraction * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"{self.label[:28]:<28} [{bar}] {self.done}/{self.total}"
        self.stream.write(("\r" + line) if self.tty else (line + "\n"))
        self.stream.flush()


class Command(BaseCommand):
    help = "Rebuild, update or clear the public search index on every configured engine."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "clear"])
        parser.add_argument("--no-progress", action="store_true", help="Print no progress bar.")

    def handle(self, *args, action, no_progress=False, **options):
        engines = ", ".join(engine.name for engine in index_engines())
        if action == "clear":
            indexing.clear()
            self.stdout.write(self.style.SUCCESS(f"Søgeindekset er tømt ({engines})."))
            return
        progress = Progress(self.stderr, enabled=not no_progress)
        started = time.perf_counter()
        report = indexing.rebuild(progress) if action == "rebuild" else indexing.update(progress)
        elapsed = time.perf_counter() - started
        rate = report.documents / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.documents} dokumenter fra {report.pages} sider indekseret på {elapsed:.1f} s "
                f"({rate:.0f} dokumenter/s, {engines})."
            )
        )
        if action == "update" and report.removed:
            self.stdout.write(f"{report.removed} sider fjernet fra indekset (ikke længere offentlige).")
        if report.skipped:
            self.stdout.write("Sprunget over:")
            for reason, count in sorted(report.skipped.items()):
                self.stdout.write(f"  {count} sider: {reason}")
        else:
            self.stdout.write("Ingen sider sprunget over.")
