"""`python manage.py search_relevance`: how well the current index answers the relevance set.

Loads nothing: run it on a site with the demo content (`load_demo`) and a fresh index. Prints
nDCG@5, MRR, P@5 and the zero-result rate per engine (the database engine, and Elasticsearch
when configured) and per category, searching the way the search page does (including the
automatic correction of a query that finds nothing).
"""

from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError

from search import relevance
from search.correction import search_with_correction
from search.engines import index_engines
from search.engines.base import SearchRequest
from search.models import IndexEntry
from search.text import parse_query


class Command(BaseCommand):
    help = "Evaluate the current search index against the relevance set (nDCG@5, MRR, P@5, zero results)."

    def add_arguments(self, parser):
        parser.add_argument("--queries", default=str(relevance.QUERIES_FILE), help="the relevance set (TOML)")
        parser.add_argument("--verbose-queries", action="store_true", help="print every query's scores and top hits")

    def handle(self, *args, **options):
        try:
            judged = relevance.load(options["queries"])
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot read the relevance set: {error}") from error
        documents = self.documents()
        if not documents:
            raise CommandError("The search index is empty: run `load_demo` or `search_index rebuild` first.")
        for engine in index_engines():
            self.evaluate(engine, judged, documents, options["verbose_queries"])

    def documents(self):
        themes = defaultdict(set)
        for entry_id, value in IndexEntry.facets.rel.related_model.objects.filter(name="theme").values_list(
            "entry_id", "value"
        ):
            themes[entry_id].add(value)
        return [
            relevance.Document(url, kind, frozenset(themes[pk]), group or "")
            for pk, url, kind, group in IndexEntry.objects.values_list("id", "url", "kind", "group_key")
        ]

    def evaluate(self, engine, judged, documents, verbose):
        by_url = {document.url: document for document in documents}
        rows = defaultdict(list)
        expected_nothing = []
        for item in judged:
            answer = search_with_correction(engine, SearchRequest(query=parse_query(item.q), per_page=10))
            hits = answer.results.hits
            if not item.grades:
                expected_nothing.append((item, answer.results.total))
                continue
            # A result is graded by the best of what it shows: a plan and the actions listed under it;
            # the ideal ranking is of results too (a plan's actions are one result with it).
            result_grades = [
                relevance.result_grade(
                    item.grades,
                    [
                        by_url.get(url) or relevance.Document(url, kind, frozenset())
                        for url, kind in [(hit.url, hit.kind), *((match.url, match.kind) for match in hit.matches)]
                    ],
                )
                for hit in hits
            ]
            all_grades = relevance.group_grades(item.grades, documents)
            scores = relevance.score(result_grades, all_grades)
            rows[item.category].append(scores)
            rows["(alle)"].append(scores)
            if verbose:
                corrected = f" → {answer.corrected_to}" if answer.corrected_from else ""
                self.stdout.write(
                    f"  {item.category:<10} {item.q[:40]!r:<44}{corrected} nDCG@5 {scores.ndcg:.2f} "
                    f"RR {scores.reciprocal_rank:.2f} grades {result_grades[:5]} total {answer.results.total}"
                )
        self.stdout.write(f"\nEngine: {engine.name} ({len(documents)} documents in the index)")
        self.stdout.write(f"{'category':<12} {'queries':>7} {'nDCG@5':>7} {'MRR':>6} {'P@5':>6} {'zero':>6}")
        for category in [*sorted(name for name in rows if name != "(alle)"), "(alle)"]:
            scores = rows[category]
            count = len(scores)
            self.stdout.write(
                f"{category:<12} {count:>7} {sum(s.ndcg for s in scores) / count:>7.3f} "
                f"{sum(s.reciprocal_rank for s in scores) / count:>6.3f} "
                f"{sum(s.precision for s in scores) / count:>6.3f} "
                f"{100 * sum(s.zero for s in scores) / count:>5.1f}%"
            )
        if expected_nothing:
            quiet = sum(1 for _item, total in expected_nothing if total == 0)
            self.stdout.write(f"queries that should find nothing: {quiet} of {len(expected_nothing)} found nothing")
