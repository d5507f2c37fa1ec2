"""Benchmark of the whole front (`make bench`): wrk through nginx, with the page cache on and off.

Starts the stack (deploy/stack.py) on a PostgreSQL database of its own on the shared server
(dropped afterwards) with the demo content, counts the SQL queries each page makes uncached,
then for the cache off (nginx → gunicorn) and on (nginx → Varnish → gunicorn) warms every page
and runs Debian's wrk against it at 8 and 32 connections. Prints a Markdown table with
requests/s, p50 and p95 latency; docs/production.md records the figures.

    python -m deploy.bench [--seconds 5] [--seconds-uncached 10] [--out FILE]
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from deploy.stack import DEPLOY_DIR, PROJECT_DIR, PYTHON, Stack, create_shared_database, drop_shared_database, require

PAGES = [
    ("home", "home page"),
    ("municipalities", "/kommuner/"),
    ("strategy", "a strategy"),
    ("action_plan", "an action plan"),
    ("meeting", "a meeting"),
    ("theme", "a theme page"),
    ("search", "/soeg/?q=kultur"),
    ("feed", "a feed (RSS)"),
    ("static", "a static file"),
]
CONNECTIONS = (8, 32)


def count_queries(urls):
    """In a process with the stack's settings: SQL queries of each page's second (warm) request."""
    import django  # noqa: PLC0415 (only this subprocess sets up Django, with the stack's settings)

    django.setup()
    from django.db import connection  # noqa: PLC0415 (after django.setup())
    from django.test import Client  # noqa: PLC0415 (after django.setup())
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415 (after django.setup())

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for key, _label in PAGES:
        if key == "static" or key not in urls:
            continue
        client.get(urls[key])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(urls[key])
        counts[key] = {"queries": len(queries), "status": response.status_code, "bytes": len(response.content)}
    print(json.dumps(counts))


def wrk(url, connections, seconds):
    result = subprocess.run(  # noqa: S603
        [
            require("wrk"),
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(DEPLOY_DIR / "wrk-report.lua"),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def warm(url):
    for _ in range(3):
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - a local URL
            response.read()


def run(args):
    subprocess.run([str(PROJECT_DIR / ".ci" / "ensure-front")], check=True)  # noqa: S603
    run_dir = Path(tempfile.mkdtemp(prefix="gronne-bench-"))
    name = f"gronne_bench_{os.getpid()}"
    database_url = create_shared_database(name)
    results = {}
    try:
        port = args.port
        stack = Stack(run_dir / "off", database_url, cache=False, port=port, workers=args.workers)
        print(f"Preparing {name} (migrate, collectstatic, demo) …", file=sys.stderr, flush=True)
        stack.prepare()
        urls = json.loads(stack.manage("front_urls").stdout)
        env = {**stack.env}
        queries = json.loads(
            subprocess.run(  # noqa: S603
                [str(PYTHON), "-m", "deploy.bench", "--count-queries", json.dumps(urls)],
                cwd=PROJECT_DIR,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        for cache in (False, True):
            stack = Stack(
                run_dir / ("on" if cache else "off"),
                database_url,
                cache=cache,
                port=port,
                workers=args.workers,
                extra_env={
                    "SECRET_KEY": env["SECRET_KEY"],
                    "STATIC_ROOT": env["STATIC_ROOT"],
                    "MEDIA_ROOT": env["MEDIA_ROOT"],
                },
            )
            stack.start()
            try:
                for key, _label in PAGES:
                    warm(stack.url + urls[key])
                for connections in CONNECTIONS:
                    for key, label in PAGES:
                        seconds = args.seconds if cache or key == "static" else args.seconds_uncached
                        figures = {**wrk(stack.url + urls[key], connections, seconds), "seconds": seconds}
                        results[(cache, connections, key)] = figures
                        print(
                            f"cache {'on ' if cache else 'off'} c={connections:<2} {label:<16} "
                            f"{figures['rps']:>8.1f} req/s  p50 {figures['p50']:>7.1f} ms  "
                            f"p95 {figures['p95']:>7.1f} ms  errors {figures['errors']}",
                            file=sys.stderr,
                            flush=True,
                        )
            finally:
                stack.stop()
    finally:
        drop_shared_database(name)
    report = table(results, queries, urls, args)
    print(report)
    if args.out:
        Path(args.out).write_text(report)


def table(results, queries, urls, args):
    load = os.getloadavg()
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} ({os.cpu_count()} cores, "
        f"{platform.platform(terse=True)}), load average before/after {args.load_before:.1f}/{load[0]:.1f}; "
        f"gunicorn {args.workers} sync workers; wrk with 2 threads, gzip accepted, {args.seconds} s per cell "
        f"({args.seconds_uncached} s for rendered pages with the cache off).",
        "",
        "| page | SQL queries (uncached) | "
        + " | ".join(
            f"cache {'on' if cache else 'off'}, {n} conn.: req/s · p50 · p95 (ms)"
            for cache in (False, True)
            for n in CONNECTIONS
        )
        + " |",
        "|---|---|" + "---|" * (2 * len(CONNECTIONS)),
    ]
    for key, label in PAGES:
        count = queries.get(key, {}).get("queries", "–")
        cells = []
        for cache in (False, True):
            for connections in CONNECTIONS:
                figures = results.get((cache, connections, key))
                if figures is None:
                    cells.append("–")
                    continue
                if not figures["requests"]:
                    cells.append(f"none answered within the {figures['seconds']} s run")
                    continue
                errors = f" ({figures['errors']} errors)" if figures["errors"] else ""
                cells.append(f"{figures['rps']:.0f} · {figures['p50']:.1f} · {figures['p95']:.1f}{errors}")
        lines.append(f"| {label} (`{urls.get(key, '')}`) | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "5")))
    parser.add_argument(
        "--seconds-uncached",
        type=int,
        default=int(os.environ.get("BENCH_SECONDS_UNCACHED", "10")),
        help="wrk's run for rendered pages with the cache off (they take seconds under load)",
    )
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", "3")))
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "18090")))
    parser.add_argument("--out", default="")
    parser.add_argument("--count-queries", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.count_queries:
        count_queries(json.loads(args.count_queries))
        return
    args.load_before = os.getloadavg()[0]
    started = time.monotonic()
    run(args)
    print(f"(benchmark took {time.monotonic() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
