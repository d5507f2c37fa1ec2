"""A synthetic Danish-like corpus and a fixed query set for measuring the database engine.

Used by `python manage.py search_benchmark`; nothing here runs on a real site's data.
"""

import datetime
import itertools
import random
import sqlite3
import statistics
import time

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from wagtail.models import Locale, Page

from cms.models import Municipality, Theme
from search.documents import Kind, SearchDocument
from search.engines import SearchRequest, database_engine
from search.text import parse_query

BENCH_SLUG = "search-benchmark"

# The kinds of pages in the synthetic mix; a conference is one page a year, so it is left out, and
# organisations and people are not pages (the mix is the one earlier figures were measured on).
KINDS = [kind for kind in Kind if kind not in (Kind.CONFERENCE, Kind.ORGANISATION, Kind.PERSON)]
_WORDS = {
    "nouns": """
        kulturinstitution kulturinstitutioner bibliotek biblioteket biblioteker museum museet museer musikskole
        musikskolen teater teatret spillested kulturhus kulturhuset forening foreningen borger borgere kommune
        kommunen strategi handlingsplan handling omstilling klima energi affald genbrug natur biodiversitet have skov
        vand tag solceller værksted fællesskab partnerskab netværk dannelse læring børn unge ældre frivillige
        materialer udstilling festival koncert scene arkiv by land lokalsamfund samarbejde forvaltning politik
    """,
    "adjectives": """
        grøn grønne grønt bæredygtig bæredygtige cirkulær cirkulære lokal lokale ny nye fælles klimavenlig
        klimavenlige åben åbne stor store lille små kreativ kreative tværgående digitale praktisk konkret
    """,
    "verbs": """
        styrker udvikler samler inviterer reducerer genbruger planter deler lærer skaber åbner undersøger
        inddrager måler sparer formidler bygger forbedrer prioriterer
    """,
    "small": "og i på med for til af om at som der en et den det de ved under efter",
}
NOUNS, ADJECTIVES, VERBS, SMALL = (_WORDS[name].split() for name in ("nouns", "adjectives", "verbs", "small"))

QUERIES = [
    ("tom søgning (alt)", "", {}),
    ("kultur", "kultur", {}),
    ("biblioteket", "biblioteket", {}),
    ("kulturinstitutioner", "kulturinstitutioner", {}),
    ("grøn omstilling", "grøn omstilling", {}),
    ('"grøn omstilling"', '"grøn omstilling"', {}),
    ("museum genbrug", "museum genbrug", {}),
    ("energi + kommune", "energi", {"municipality": ["751"]}),
    ("tom + tema", "", {"theme": ["grøn-dannelse"]}),
    ("tom + type + år", "", {"kind": ["case"], "year": ["2024"]}),
    ("natur + 2 regioner", "natur", {"region": ["1082", "1083"]}),
    ("solceller nyeste", "solceller", {}, "newest"),
    ("festival side 5", "festival", {}, "relevance", 5),
    ("stavefejl (forslag)", "bibliotk", {}),
]


_SYLLABLES = """
kul tur bi blo tek mu se um sko le te a ter hus for en ing bor ger kom mu ne strat e gi plan ind sats
om stil ling kli ma ner af fald gen brug na by land skov vand tag sol cel værk sted fæl les skab
"""
SYLLABLES = _SYLLABLES.split()


class Corpus:
    """Deterministic synthetic documents that look like the network's content.

    Words come from three pools: the network's own vocabulary (6 % of the words), a few
    thousand made-up Danish-sounding words drawn with Zipf-like frequencies (as real text has a
    long tail), and short function words. Facet values are real themes and municipalities.
    """

    def __init__(self, seed=2026):
        self.random = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.themes = list(Theme.objects.values_list("slug", flat=True))
        self.municipalities = list(Municipality.objects.values_list("code", "region__code", "short_name"))
        made_up = set()
        while len(made_up) < 5000:
            made_up.add("".join(self.random.choices(SYLLABLES, k=self.random.randint(2, 4))))
        self.tail = sorted(made_up)
        self.tail_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.tail))))
        self.topical = NOUNS + ADJECTIVES + VERBS

    def sentence(self, words=12):
        r = self.random
        topical = r.choices(self.topical, k=words)
        tail = r.choices(self.tail, cum_weights=self.tail_weights, k=words)
        small = r.choices(SMALL, k=words)
        parts = []
        for position, pick in enumerate(r.choices((0, 1, 2), weights=(6, 74, 20), k=words)):
            parts.append((topical, tail, small)[pick][position])
        return " ".join(parts).capitalize() + "."

    def document(self, page_id, number):
        r = self.random
        kind = KINDS[number % len(KINDS)]
        code, region, name = r.choice(self.municipalities)
        title = f"{r.choice(ADJECTIVES).capitalize()} {r.choice(NOUNS)} i {name}: {self.sentence(4)[:-1].lower()}"
        return SearchDocument(
            key=f"bench:{number}",
            page_id=page_id,
            title=title,
            kind=kind,
            url=f"/{BENCH_SLUG}/{number}/",
            summary=self.sentence(18),
            body=" ".join(self.sentence(r.randint(8, 16)) for _ in range(r.randint(10, 25))),
            themes=r.sample(self.themes, r.randint(1, 2)) if self.themes else [],
            municipalities=[code],
            regions=[region],
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=r.randint(0, 365 * 7)),
        )


def ensure_pages(count, stdout):
    """`count` live pages under one benchmark parent, created in bulk (path arithmetic like treebeard's)."""
    root = Page.get_first_root_node()
    parent = root.get_children().filter(slug=BENCH_SLUG).first()
    if parent is None:
        parent = root.add_child(instance=Page(title="Søgebenchmark", slug=BENCH_SLUG, live=True))
    parent.refresh_from_db()
    existing = parent.get_children().count()
    if existing >= count:
        return list(parent.get_children().order_by("path").values_list("id", flat=True)[:count])
    content_type = ContentType.objects.get_for_model(Page)
    locale = Locale.get_default()
    steplen, alphabet = Page.steplen, Page.alphabet
    pages = []
    for number in range(existing + 1, count + 1):
        step, value = "", number
        while value:
            value, digit = divmod(value, len(alphabet))
            step = alphabet[digit] + step
        pages.append(
            Page(
                title=f"Benchmarkside {number}",
                draft_title=f"Benchmarkside {number}",
                slug=f"side-{number}",
                path=parent.path + step.rjust(steplen, "0"),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}side-{number}/",
                live=True,
                content_type=content_type,
                locale=locale,
            )
        )
    stdout.write(f"Opretter {len(pages)} sider ...")
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=2000)
        Page.objects.filter(pk=parent.pk).update(numchild=count)
    parent.refresh_from_db()
    return list(parent.get_children().order_by("path").values_list("id", flat=True)[:count])


def index_corpus(page_ids, stdout, batch_size=500):
    """Rebuild the database index from the synthetic corpus; the seconds spent writing to the index."""
    corpus = Corpus()
    engine = database_engine()
    writing = 0.0
    with engine.rebuilding() as add:
        batch = []
        for number, page_id in enumerate(page_ids, start=1):
            batch.append((corpus.document(page_id, number), ""))
            if len(batch) == batch_size:
                started = time.perf_counter()
                add(batch)
                writing += time.perf_counter() - started
                batch = []
                if number % 10_000 == 0:
                    stdout.write(f"  {number} dokumenter ...")
        if batch:
            started = time.perf_counter()
            add(batch)
            writing += time.perf_counter() - started
        started = time.perf_counter()
    writing += time.perf_counter() - started  # commit and statistics
    started = time.perf_counter()
    engine.vacuum()
    writing += time.perf_counter() - started
    return writing


def run_queries(repeat):
    engine = database_engine()
    timings = {}
    for spec in QUERIES:
        label, q, filters = spec[:3]
        sort = spec[3] if len(spec) > 3 else "relevance"
        page = spec[4] if len(spec) > 4 else 1
        request = SearchRequest(query=parse_query(q), filters=filters, sort=sort, page=page)
        engine.search(request)  # warm caches, as a running site has them
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            results = engine.search(SearchRequest(query=parse_query(q), filters=filters, sort=sort, page=page))
            runs.append((time.perf_counter() - started) * 1000)
        timings[label] = (runs, results.total)
    return timings


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(int(round(fraction * (len(ordered) - 1))), len(ordered) - 1)
    return ordered[index]


def summary(timings):
    every = [value for runs, _total in timings.values() for value in runs]
    return {
        "p50": statistics.median(every),
        "p95": percentile(every, 0.95),
        "max": max(every),
    }


def vendor_description():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    return f"SQLite {sqlite3.sqlite_version}"
