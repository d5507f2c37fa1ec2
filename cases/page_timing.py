"""Time public pages in-process: SQL queries, median render time and bytes, for `benchmark_pages`.

It imports nothing but Django, so the same code measures this site and, run as a script by another
project's interpreter (`python page_timing.py <output.json> <path> …` with that project's settings in
DJANGO_SETTINGS_MODULE), the reference site wagtail/bakerydemo: both are timed the same way.

Each path is requested through Django's test client, so the whole middleware stack runs, as an anonymous
visitor: a few warm-up requests (they fill the per-process caches, as a running worker has them), one
request with its SQL queries counted, then `runs` timed requests. The time is the whole request in the
process, the body read to its end (a streamed body included): no network, no page cache in front.
"""

import gzip
import json
import statistics
import sys
import time

WARMUP = 3


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def measure(paths, runs=20, warmup=WARMUP, host=None, reset=None):
    """Figures for each path: {path, status, queries, median_ms, min_ms, bytes, gzip_bytes}.

    With `reset` (a function that empties the site's own caches, as a publish does), also the queries
    and time of the first request after it: `cold_queries`, `cold_ms`.
    """
    # Django must be set up before its test client and database modules are imported.
    from django.db import connection  # noqa: PLC0415 (after django.setup() when run as a script)
    from django.test import Client  # noqa: PLC0415 (after django.setup() when run as a script)
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415 (after django.setup() when run as a script)

    client = Client(HTTP_HOST=host) if host else Client()
    figures = []
    for path in paths:
        for _ in range(warmup):
            _body(client.get(path))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
            body = _body(response)
        # Read now: every request (the timed ones too) empties the connection's query log.
        query_count = len(queries)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            _body(client.get(path))
            timings.append((time.perf_counter() - started) * 1000)
        cold = {}
        if reset is not None:
            reset()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                _body(client.get(path))
                cold = {"cold_ms": (time.perf_counter() - started) * 1000, "cold_queries": len(queries)}
        figures.append(
            {
                **cold,
                "path": path,
                "status": response.status_code,
                "queries": query_count,
                "median_ms": statistics.median(timings),
                "min_ms": min(timings),
                "bytes": len(body),
                "gzip_bytes": len(gzip.compress(body, compresslevel=6)),
            }
        )
    return figures


def main(argv):
    """`page_timing.py <output.json> [--runs N] <path> …`: measure the paths of the project in the current settings."""
    import django  # noqa: PLC0415 (only when run as a script)

    output, *rest = argv
    runs = 20
    if rest[:1] == ["--runs"]:
        runs, rest = int(rest[1]), rest[2:]
    django.setup()
    with open(output, "w", encoding="utf-8") as file:
        json.dump(measure(rest, runs=runs), file)


if __name__ == "__main__":
    main(sys.argv[1:])
