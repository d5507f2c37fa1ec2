"""`python manage.py benchmark_pages [--bakerydemo PATH]`: SQL queries, render time and bytes of every public page type.

Never touches the site's own database: it builds the demo (`load_demo`) in a SQLite file of its own in a
temporary directory, measures every public page type there, grows a copy of that database to full scale
(cases/benchmark.py) and measures the same pages again. Every step runs in a child process with the
production settings (DEBUG off, hashed static files collected into the same directory, the local-memory
cache, no page cache, no Redis, no Elasticsearch), so nothing of the developer's environment leaks in.

With `--bakerydemo PATH` (a checkout of wagtail/bakerydemo) it copies that checkout into the directory,
loads its initial data into its own SQLite file with its production settings, times its comparable pages
the same way (cases/page_timing.py, run by bakerydemo's interpreter) and prints the ratios.
"""

import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cases import benchmark, page_timing
from cms import content_cache

PAGE_TIMING = Path(page_timing.__file__).resolve()
# What the child processes may not inherit: they must not reach the developer's database, cache or engines.
SCRUBBED = ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "FRONTEND_CACHE_URL", "MEDIA_ROOT", "STATIC_ROOT")
BAKERYDEMO_MODULES = ("wagtail", "wagtailfontawesomesvg", "debug_toolbar", "django_extensions", "csp", "dotenv")


def _content_changed():
    """What a publish does to the site's own caches (cms.content_cache), for the "cold" figures."""
    content_cache.new_generation()


class Command(BaseCommand):
    help = "Måler alle offentlige sidetyper (SQL, tid, bytes) i en separat database, i demo- og fuld skala."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="Timed requests per page (median; default 20).")
        parser.add_argument(
            "--workdir",
            help="Directory for the benchmark's databases, media and static files (default: a new temporary "
            "directory, removed afterwards). Given, it is kept, and databases already built there are reused.",
        )
        parser.add_argument("--scales", default="demo,full", help="Which scales to measure (default demo,full).")
        parser.add_argument("--only", default="", help="Measure only these page labels (comma-separated).")
        parser.add_argument("--bakerydemo", help="A checkout of wagtail/bakerydemo to measure side by side.")
        parser.add_argument(
            "--bakerydemo-python",
            help="The Python with bakerydemo's requirements installed (default: PATH/.venv/bin/python, else this one).",
        )
        parser.add_argument(
            "--profile", help="Profile this page label at full scale with cProfile instead of timing every page."
        )
        parser.add_argument("--json", help="Also write all figures to this JSON file.")
        # Internal: one step inside the benchmark's own database (set by the parent process).
        parser.add_argument("--step", choices=["grow", "paths", "counts", "measure", "profile"], help="(internal)")
        parser.add_argument("--output", help="(internal)")
        parser.add_argument("paths", nargs="*", help="(internal: the paths the measure step times)")

    def handle(self, *args, **options):
        if options["step"]:
            return self.step(options)
        workdir = Path(options["workdir"] or tempfile.mkdtemp(prefix="benchmark-pages-"))
        workdir.mkdir(parents=True, exist_ok=True)
        try:
            self.run(workdir, options)
        finally:
            if not options["workdir"]:
                shutil.rmtree(workdir, ignore_errors=True)

    # The parent process: builds the databases and runs the steps in children.

    def environment(self, workdir, database):
        environment = {key: value for key, value in os.environ.items() if key not in SCRUBBED}
        environment.update(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            DATABASE_URL=f"sqlite:///{database}",
            MEDIA_ROOT=str(workdir / "media"),
            STATIC_ROOT=str(workdir / "static"),
            SECRET_KEY=secrets.token_urlsafe(40),
            ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="false",
            LOG_LEVEL="ERROR",
            SECURITY_LOG_LEVEL="ERROR",
            BENCHMARK_PAGES_DATABASE=str(database),
        )
        return environment

    def manage(self, workdir, database, *arguments, quiet=True):
        command = [sys.executable, str(settings.BASE_DIR / "manage.py"), *arguments]
        output = subprocess.DEVNULL if quiet else None
        subprocess.run(command, env=self.environment(workdir, database), check=True, stdout=output)  # noqa: S603

    def run(self, workdir, options):
        scales = [scale.strip() for scale in options["scales"].split(",") if scale.strip()]
        demo_db, full_db = workdir / "demo.sqlite3", workdir / "full.sqlite3"
        if not demo_db.exists():
            self.stdout.write(f"Bygger demoen i {demo_db} …")
            partial = workdir / "demo-partial.sqlite3"
            partial.unlink(missing_ok=True)
            self.manage(workdir, partial, "migrate", "--no-input", "-v", "0")
            self.manage(workdir, partial, "collectstatic", "--no-input", "-v", "0")
            self.manage(workdir, partial, "load_demo", "--allow-production")
            partial.rename(demo_db)
        if ("full" in scales or options["profile"]) and not full_db.exists():
            self.stdout.write(f"Vokser en kopi til fuld skala i {full_db} (et par minutter) …")
            partial = workdir / "full-partial.sqlite3"
            shutil.copyfile(demo_db, partial)
            self.manage(workdir, partial, "benchmark_pages", "--step", "grow", quiet=False)
            self.manage(workdir, partial, "search_index", "rebuild")
            partial.rename(full_db)
        paths = self.child_json(workdir, demo_db, "paths")
        if options["only"]:
            wanted = {label.strip() for label in options["only"].split(",")}
            paths = [row for row in paths if row[0] in wanted]
        if options["profile"]:
            path = next((row[1] for row in paths if row[0] == options["profile"]), None)
            if path is None:
                raise CommandError(f"Ukendt side: {options['profile']}. Kendte: {', '.join(row[0] for row in paths)}")
            self.manage(workdir, full_db, "benchmark_pages", "--step", "profile", "--output", path, quiet=False)
            return
        results = {"paths": paths}
        for scale in scales:
            database = {"demo": demo_db, "full": full_db}[scale]
            self.stdout.write(f"Måler {len(paths)} sider i {scale}-skala …")
            results[scale] = self.child_json(
                workdir, database, "measure", "--runs", str(options["runs"]), *[row[1] for row in paths]
            )
            results[f"{scale}_counts"] = self.child_json(workdir, database, "counts")
        if options["bakerydemo"]:
            results["bakerydemo"] = self.bakerydemo(workdir, options, paths)
        self.print_results(results, scales)
        if options["json"]:
            Path(options["json"]).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")

    def child_json(self, workdir, database, step, *arguments):
        output = workdir / f"{step}.json"
        self.manage(workdir, database, "benchmark_pages", "--step", step, "--output", str(output), *arguments)
        return json.loads(output.read_text(encoding="utf-8"))

    def bakerydemo(self, workdir, options, paths):
        source = Path(options["bakerydemo"]).resolve()
        if not (source / "bakerydemo" / "settings" / "production.py").exists():
            raise CommandError(f"{source} er ikke en checkout af wagtail/bakerydemo.")
        python = options["bakerydemo_python"] or (
            str(source / ".venv" / "bin" / "python")
            if (source / ".venv" / "bin" / "python").exists()
            else sys.executable
        )
        probe = f"import importlib.util as u; print(*[m for m in {BAKERYDEMO_MODULES!r} if not u.find_spec(m)])"
        missing = subprocess.run(  # noqa: S603
            [python, "-c", probe],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        if missing:
            raise CommandError(
                f"{python} mangler bakerydemos pakker: {', '.join(missing)}. Installer bakerydemos "
                "requirements/base.txt (og whitenoise) i et separat virtualenv og giv dets python med "
                "--bakerydemo-python."
            )
        site = workdir / "bakerydemo"
        environment = {key: value for key, value in os.environ.items() if key not in SCRUBBED}
        environment.update(
            DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
            DATABASE_URL=f"sqlite:///{site / 'bench.sqlite3'}",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(40),
            DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
            # As behind the TLS proxy it expects: otherwise every plain-HTTP request is a redirect to https.
            SECURE_SSL_REDIRECT="false",
            PYTHONWARNINGS="ignore",
        )

        def manage(*arguments):
            subprocess.run(  # noqa: S603
                [python, "manage.py", *arguments], cwd=site, env=environment, check=True, capture_output=True
            )

        if not (site / "bench.sqlite3").exists():
            self.stdout.write(f"Bygger bakerydemo i {site} …")
            shutil.copytree(
                source,
                site,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns(".git", "node_modules", ".venv", "bakerydemodb", "collect_static"),
            )
            manage("migrate", "--no-input", "-v", "0")
            manage("load_initial_data")
            manage("collectstatic", "--no-input", "-v", "0")
        wanted = sorted({row[2] for row in paths if row[2]})
        self.stdout.write(f"Måler {len(wanted)} bakerydemo-sider …")
        output = workdir / "bakerydemo.json"
        # Run from bakerydemo's directory: beside this file lies cases/calendar.py, which would hide the
        # standard library's calendar module from a script started here.
        shutil.copyfile(PAGE_TIMING, site / "page_timing.py")
        subprocess.run(  # noqa: S603
            [python, "page_timing.py", str(output), "--runs", str(options["runs"]), *wanted],
            cwd=site,
            env=environment,
            check=True,
        )
        version = subprocess.run(  # noqa: S603
            [python, "-c", "import django, wagtail; print(wagtail.__version__, django.get_version())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        return {"pages": {row["path"]: row for row in json.loads(output.read_text())}, "versions": version}

    def print_results(self, results, scales):
        write = self.stdout.write
        for scale in scales:
            counts = results[f"{scale}_counts"]
            write(f"{scale}: " + ", ".join(f"{value} {name}" for name, value in counts.items()))
        header = f"{'side':<17} {'sti':<44} {'status':>6}"
        for scale in scales:
            header += f" {'SQL ' + scale:>9} {'ms ' + scale:>9}"
        header += f" {'kold SQL':>8} {'kold ms':>8} {'bytes':>8} {'gzip':>7}"
        bakery = results.get("bakerydemo")
        if bakery:
            header += f"  {'bakerydemo':<18} {'SQL':>4} {'ms':>7} {'gzip':>7} {'tid ×':>6}"
        write("\n" + header)
        last = scales[-1]
        for number, (label, path, bakery_path) in enumerate(results["paths"]):
            line = f"{label:<17} {path[:44]:<44} {results[last][number]['status']:>6}"
            for scale in scales:
                row = results[scale][number]
                line += f" {row['queries']:>9} {row['median_ms']:>9.1f}"
            row = results[last][number]
            line += f" {row.get('cold_queries', ''):>8} {row.get('cold_ms', 0):>8.1f}"
            line += f" {row['bytes']:>8} {row['gzip_bytes']:>7}"
            if bakery and bakery_path and bakery["pages"][bakery_path]["status"] != 200:
                line += f"  {bakery_path[:18]:<18} status {bakery['pages'][bakery_path]['status']}"
            elif bakery and bakery_path:
                theirs = bakery["pages"][bakery_path]
                ratio = row["median_ms"] / theirs["median_ms"]
                line += (
                    f"  {bakery_path[:18]:<18} {theirs['queries']:>4} {theirs['median_ms']:>7.1f}"
                    f" {theirs['gzip_bytes']:>7} {ratio:>6.2f}"
                )
            write(line)
        if bakery:
            write(
                f"\nbakerydemo: Wagtail {bakery['versions'][0]}, Django {bakery['versions'][1]}, production "
                "settings, SQLite. 'tid ×' is this site's median render time divided by bakerydemo's (target ≤ 0.5)."
            )
        worst = max(results[last], key=lambda row: row["median_ms"])
        most = max(results[last], key=lambda row: row["queries"])
        write(
            f"\n{last}: langsomst {worst['path']} {worst['median_ms']:.1f} ms; "
            f"flest forespørgsler {most['path']} ({most['queries']})."
        )

    # The child process: one step inside the benchmark's database.

    def step(self, options):
        step, output = options["step"], options["output"]
        # The steps write pages: only ever in the database the parent process made for them.
        if str(settings.DATABASES["default"]["NAME"]) != os.environ.get("BENCHMARK_PAGES_DATABASE"):
            raise CommandError("Trinene kører kun i benchmarkens egen database (start benchmark_pages uden --step).")
        if step == "grow":
            benchmark.grow(report=self.stdout.write)
        elif step in ("paths", "counts"):
            data = benchmark.page_paths() if step == "paths" else benchmark.counts()
            Path(output).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        elif step == "measure":
            figures = page_timing.measure(options["paths"], runs=options["runs"], reset=_content_changed)
            Path(output).write_text(json.dumps(figures), encoding="utf-8")
        elif step == "profile":
            self.profile(output, options["runs"])

    def profile(self, path, runs):
        import cProfile  # noqa: PLC0415 (only when profiling)
        import pstats  # noqa: PLC0415 (only when profiling)

        page_timing.measure([path], runs=1)
        profiler = cProfile.Profile()
        profiler.enable()
        page_timing.measure([path], runs=runs, warmup=0)
        profiler.disable()
        report = io.StringIO()
        stats = pstats.Stats(profiler, stream=report)
        stats.strip_dirs().sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(25)
        self.stdout.write(report.getvalue())
