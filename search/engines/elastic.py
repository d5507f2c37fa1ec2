"""The Elasticsearch engine, written with `elasticsearch.dsl`.

Danish analysis as search.analysis does it: letters folded by a mapping char filter (æ→ae, ø→oe,
å→aa, é→e), lowercase, Danish stop words, a dictionary decompounder with the same compound parts
(search/data/compound_parts.txt) that splits *kulturinstitution* into *kultur* + *institution*
(keeping the whole word), the same stemmer exceptions (stemmer_override) and the Snowball Danish
stemmer. The editors' synonym groups are applied to the query at search time. Facets use a
`FacetedSearch` (a facet's own selection does not narrow its counts, as on the database engine),
hits are highlighted with `<mark>`, and a phrase suggester offers "did you mean".

Results are groups, as on the database engine: hits are collapsed on the `group` keyword (an
action plan and its actions are one result, shown as the plan with its matching actions from the
collapse's inner hits), and the total and every facet count are `cardinality` counts of groups.
Every text field has a `plain` subfield that reads æ, ø, å as a, o, a, so a query typed without
them (gront, kobenhavn) finds what the database engines find.

Rebuilding writes a new timestamped index and then moves the alias in one atomic step, so the
public search never sees a half-built index. Any error or a cluster that does not answer within
`ELASTICSEARCH_TIMEOUT` seconds (2) makes the search fall back to the database engine, with a
logged warning, and opens a circuit breaker: for `ELASTICSEARCH_COOLDOWN` seconds (30) searches go
straight to the database, then the cluster is tried again (see breaker.py).
"""

import dataclasses
import datetime
import logging
from contextlib import contextmanager

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import (
    A,
    Date,
    Document,
    FacetedSearch,
    Index,
    Integer,
    Keyword,
    Q,
    TermsFacet,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from search.analysis import COMPOUND_PARTS, STEM_EXCEPTIONS
from search.synonyms import with_synonyms
from search.text import clean_text, highlight, snippet, stem

from .base import (
    FACETS,
    MAX_ATTACHMENT_CHARS,
    MAX_BODY_CHARS,
    NOT_PAGE_WEIGHT,
    EngineBase,
    Hit,
    Match,
    SearchResults,
    facet_values,
    last_page,
)
from .breaker import CircuitBreaker

logger = logging.getLogger(__name__)

DEFAULT_INDEX = "gronne-partnerskaber-search"
DEFAULT_TIMEOUT = 2.0
DEFAULT_COOLDOWN = 30.0
MARK_START, MARK_END = "\x02", "\x03"  # control characters never left in indexed text
GROUP_PRECISION = 40_000  # the cardinality counts of groups are exact up to about this many
MAX_MATCHES = 50  # members listed per group (an action plan's matching actions)

# Letters folded before tokenising, as search.analysis folds them (æ→ae, ø→oe, å→aa, é→e, ...).
FOLDING = ["æ => ae", "ø => oe", "å => aa", "ä => ae", "ö => oe", "ü => ue", "é => e", "è => e", "á => a", "ó => o"]
FOLDING += [rule.replace(rule[0], rule[0].upper(), 1) for rule in FOLDING]

danish_folding = char_filter("danish_folding", "mapping", mappings=FOLDING)
# Æ, ø, å typed as the plain vowel (gront, kobenhavn), as search.analysis.plain_term reads them.
PLAIN = ["æ => a", "ø => o", "å => a", "Æ => A", "Ø => O", "Å => A", *FOLDING]
danish_plain_folding = char_filter("danish_plain_folding", "mapping", mappings=PLAIN)
danish_stop = token_filter("danish_stop", "stop", stopwords="_danish_")
danish_stemmer = token_filter("danish_stemmer", "stemmer", language="danish")
danish_decompounder = token_filter(
    "danish_decompounder",
    "dictionary_decompounder",
    word_list=sorted(COMPOUND_PARTS),
    min_word_size=6,
    min_subword_size=3,
    max_subword_size=15,
    only_longest_match=False,
)
# The stemmer's exceptions of search.analysis (museet → museum, teatret → teatr, grønt → grøn).
danish_exceptions = token_filter(
    "danish_stem_exceptions",
    "stemmer_override",
    rules=[f"{form} => {term}" for form, term in sorted(STEM_EXCEPTIONS.items())],
)
shingles = token_filter("suggest_shingles", "shingle", min_shingle_size=2, max_shingle_size=3)

danish_index = analyzer(
    "danish_index",
    char_filter=[danish_folding],
    tokenizer="standard",
    filter=["lowercase", danish_stop, danish_decompounder, danish_exceptions, danish_stemmer],
)
# Synonyms are the editors' groups, applied to the query (see EntrySearch.query), so a change
# counts at once without rebuilding the index; the search analyser is otherwise the index's.
danish_search = analyzer(
    "danish_search",
    char_filter=[danish_folding],
    tokenizer="standard",
    filter=["lowercase", danish_stop, danish_decompounder, danish_exceptions, danish_stemmer],
)
danish_plain = analyzer(
    "danish_plain",
    char_filter=[danish_plain_folding],
    tokenizer="standard",
    filter=["lowercase", danish_stop, danish_decompounder, danish_exceptions, danish_stemmer],
)
suggest_analyzer = analyzer("suggest_trigram", tokenizer="standard", filter=["lowercase", shingles])


def danish_text(**kwargs):
    return Text(
        analyzer=danish_index, search_analyzer=danish_search, fields={"plain": Text(analyzer=danish_plain)}, **kwargs
    )


class SearchEntry(Document):
    """One search document in Elasticsearch."""

    key = Keyword()
    group = Keyword()  # the key of the result this document is shown in (its own, or its plan's)
    page_id = Integer()
    kind = Keyword()  # a Kind value; its label is translated when shown
    url = Keyword(index=False)
    title = danish_text(copy_to="suggest")
    summary = danish_text(copy_to="suggest")
    body = danish_text()
    attachments = danish_text()
    theme_text = danish_text()  # the themes' names and descriptions: the same on every document with the theme
    themes = Keyword()
    municipalities = Keyword()
    regions = Keyword()
    year = Keyword()
    date = Date()
    suggest = Text(analyzer=suggest_analyzer)

    @classmethod
    def from_document(cls, document, attachment_text):
        facets = {}
        for name, value in facet_values(document):
            facets.setdefault(name, []).append(value)
        return cls(
            meta={"id": document.key},
            key=document.key,
            group=document.group_key,
            page_id=document.page_id,
            kind=str(document.kind),
            url=document.url,
            title=clean_text(document.title),
            summary=clean_text(document.summary or ""),
            body=clean_text(document.body or "")[:MAX_BODY_CHARS],
            attachments=clean_text(attachment_text or "")[:MAX_ATTACHMENT_CHARS],
            theme_text=clean_text(document.theme_text or ""),
            themes=facets.get("theme", []),
            municipalities=facets.get("municipality", []),
            regions=facets.get("region", []),
            year=facets.get("year", []),
            date=document.date,
        )


INDEX_SETTINGS = {"number_of_shards": 1, "max_result_window": 10_000}


def build_index(name):
    index = Index(name)
    index.settings(**INDEX_SETTINGS)
    index.document(SearchEntry)
    return index


class EntrySearch(FacetedSearch):
    """The public search as a FacetedSearch: the same facets, filters and sorting as the database engine."""

    doc_types = [SearchEntry]
    fields = [
        "title^4",
        "summary^2",
        "body",
        "attachments",
        "theme_text",
        "title.plain^4",
        "summary.plain^2",
        "body.plain",
        "attachments.plain",
        "theme_text.plain",
    ]
    facets = {
        name: TermsFacet(field=field, size=size, metric=A("cardinality", field="group"), metric_sort="")
        for name, field, size in [
            ("kind", "kind", 50),
            ("theme", "themes", 200),
            ("municipality", "municipalities", 100),
            ("region", "regions", 10),
            ("year", "year", 100),
        ]
    }

    def __init__(self, request, index, using):
        self.request = request
        self.index = index
        self.using = using
        sort = (
            [{"date": {"order": "desc", "missing": "_last"}}, {"key": "asc"}]
            if request.sort == "newest" or request.query.is_empty
            else ["_score", {"date": {"order": "desc", "missing": "_last"}}]
        )
        super().__init__(query=request.query, filters=dict(request.filters), sort=sort)

    def query(self, search, query):
        if query.is_empty:
            return search
        must = []
        groups = query.groups or [[word] for word in query.terms]
        synonyms = query.synonyms or {}
        plain = [group[0] for group in groups if len(group) == 1 and not synonyms.get(stem(group[0]))]
        if plain:
            must.append(
                Q("multi_match", query=" ".join(plain), fields=self.fields, type="cross_fields", operator="and")
            )
        for group in groups:
            if len(group) == 1 and group[0] in plain:
                continue
            # Any word of an OR group, or any synonym of the word, is enough.
            ways = []
            for word in group:
                ways.append(Q("multi_match", query=word, fields=self.fields, type="cross_fields", operator="and"))
                for synonym in synonyms.get(stem(word), ()):
                    kind = "phrase" if len(synonym.split()) > 1 else "cross_fields"
                    ways.append(Q("multi_match", query=synonym, fields=self.fields, type=kind))
            must.append(Q("bool", should=ways, minimum_should_match=1))
        for phrase in query.phrases:
            must.append(Q("multi_match", query=" ".join(phrase), fields=self.fields, type="phrase"))
        must_not = [Q("multi_match", query=" ".join(query.excluded), fields=self.fields)] if query.excluded else []
        matching = Q("bool", must=must, must_not=must_not) if must_not else Q("bool", must=must)
        # Documents that are not pages (organisations, people) rank lower, as on the database engines.
        not_page = Q("bool", must_not=[Q("exists", field="page_id")])
        search = search.query(
            Q("function_score", query=matching, functions=[{"filter": not_page, "weight": NOT_PAGE_WEIGHT}])
        )
        suggest_text = " ".join(query.all_words)
        return search.suggest(
            "spelling",
            suggest_text,
            phrase={
                "field": "suggest",
                "size": 1,
                "gram_size": 3,
                "confidence": 1.0,
                "direct_generator": [{"field": "suggest", "suggest_mode": "always", "min_word_length": 3}],
            },
        )

    def aggregate(self, search):
        """The facets' aggregations, and the number of groups that pass every filter (the total)."""
        super().aggregate(search)
        every = Q("match_all")
        for query in self._filters.values():
            every &= query
        search.aggs.bucket("_filter_groups", "filter", filter=every).metric(
            "groups", "cardinality", field="group", precision_threshold=GROUP_PRECISION
        )

    def highlight(self, search):
        return (
            search.highlight_options(
                pre_tags=[MARK_START], post_tags=[MARK_END], number_of_fragments=2, fragment_size=180
            )
            .highlight("title", number_of_fragments=0)
            .highlight("summary", "body", "attachments")
        )


def marked(fragment):
    """Escape a highlighted fragment and turn the engine's markers into <mark> tags."""
    html = escape(fragment).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - everything but our own tags is escaped above


class ElasticsearchEngine(EngineBase):
    name = "elasticsearch"

    def __init__(self, url, fallback=None, index_name=None, timeout=None, cooldown=None):
        self.url = url
        self.alias = index_name or getattr(settings, "ELASTICSEARCH_INDEX", DEFAULT_INDEX)
        self.timeout = timeout or float(getattr(settings, "ELASTICSEARCH_TIMEOUT", DEFAULT_TIMEOUT))
        cooldown = (
            float(getattr(settings, "ELASTICSEARCH_COOLDOWN", DEFAULT_COOLDOWN)) if cooldown is None else cooldown
        )
        self.breaker = CircuitBreaker(f"{url} {self.alias}", cooldown)
        self.fallback = fallback
        self._client = None

    @property
    def client(self):
        if self._client is None:
            self._client = Elasticsearch(self.url, request_timeout=self.timeout, max_retries=0, retry_on_timeout=False)
        return self._client

    # Searching ---------------------------------------------------------------------------

    def build(self, request):
        """The FacetedSearch for a request (what the unit tests compile without a server)."""
        faceted = EntrySearch(request, index=self.alias, using=self.client)
        faceted = faceted[request.offset : request.offset + request.per_page]
        faceted._s = faceted._s.extra(
            timeout=f"{int(self.timeout * 1000)}ms",
            track_total_hits=True,
            # One hit per group; the group's matching documents come along as inner hits.
            collapse={
                "field": "group",
                "inner_hits": {
                    "name": "matches",
                    "size": MAX_MATCHES,
                    "_source": ["key", "title", "url", "kind"],
                    "sort": ["_score", {"key": "asc"}],
                },
            },
        )
        return faceted

    def search(self, request):
        """Search the cluster; after a failure, the fallback answers until the cooldown is over."""
        if self.fallback is not None and self.breaker.is_open():
            return self._fall_back(request)
        try:
            results = self._search(request)
        except (ApiError, TransportError) as error:
            if self.fallback is None:
                raise
            self.breaker.trip()
            logger.warning(
                "Elasticsearch at %s did not answer (%s); searching the database instead for the next %s s.",
                self.url,
                error,
                self.breaker.cooldown,
            )
            return self._fall_back(request)
        self.breaker.close()
        return results

    def _fall_back(self, request):
        results = self.fallback.search(request)
        results.fell_back = True
        return results

    def _search(self, request):
        request = with_synonyms(request)
        response = self.build(request).execute()
        total = self._groups(response)
        page = min(request.page, last_page(total, request.per_page))
        if page != request.page:
            request = dataclasses.replace(request, page=page)
            response = self.build(request).execute()
            total = self._groups(response)
        facets = {name: {} for name in FACETS}
        for name in FACETS:
            for value, count, _selected in response.facets[name]:
                if count:
                    facets[name][str(value)] = int(count)
        stems = request.query.stems
        hits = self._group_hits(list(response), stems)
        suggestion = ""
        spelling = getattr(getattr(response, "suggest", None), "spelling", None)
        if not total and spelling:
            options = spelling[0].options
            if options:
                suggestion = options[0].text
        return SearchResults(
            total=total,
            hits=hits,
            facets=facets,
            page=request.page,
            per_page=request.per_page,
            suggestion=suggestion,
            engine=self.name,
        )

    @staticmethod
    def _groups(response):
        return int(response.aggregations["_filter_groups"]["groups"]["value"])

    def _group_hits(self, found, stems):
        """One hit per group, shown as the group's own document (fetched when a member stood for it)."""
        missing = [hit.group for hit in found if hit.group and hit.group != hit.key]
        leaders = {}
        if missing:
            for entry in SearchEntry.mget(missing, index=self.alias, using=self.client, missing="none"):
                if entry is not None:
                    leaders[entry.key] = entry
        hits = []
        for hit in found:
            leader = leaders.get(hit.group) if hit.group and hit.group != hit.key else hit
            result = self._hit(leader or hit, stems, highlighted=leader is hit)
            group = hit.group or hit.key
            inner = getattr(getattr(hit.meta, "inner_hits", None), "matches", None)
            for member in inner or []:
                if member.key != group:
                    result.matches.append(
                        Match(
                            title=member.title,
                            url=member.url,
                            kind=member.kind,
                            title_html=highlight(member.title, stems),
                        )
                    )
            hits.append(result)
        return hits

    def _hit(self, hit, stems, highlighted=True):
        found = getattr(hit.meta, "highlight", None) if highlighted else None
        title = marked(found.title[0]) if found and "title" in found else highlight(hit.title, stems)
        fragments = []
        if found:
            for field in ("summary", "body", "attachments"):
                if field in found:
                    fragments.extend(found[field])
        snippet_html = (
            marked(" … ".join(fragments[:2])) if fragments else snippet([hit.summary or "", hit.body or ""], stems)
        )
        date = hit.date.date() if isinstance(hit.date, datetime.datetime) else hit.date
        return Hit(
            key=hit.key,
            page_id=hit.page_id,
            title=hit.title,
            kind=hit.kind,
            url=hit.url,
            date=date,
            title_html=title,
            snippet_html=snippet_html,
            municipalities=[int(code) for code in (hit.municipalities or []) if str(code).isdigit()],
            themes=list(hit.themes or []),
        )

    # Writing -----------------------------------------------------------------------------

    def _actions(self, items, index):
        for document, text in items:
            entry = SearchEntry.from_document(document, text)
            yield {"_op_type": "index", "_index": index, "_id": document.key, "_source": entry.to_dict()}

    def ensure_index(self):
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._new_index()
            self.client.indices.put_alias(index=name, name=self.alias)

    def _new_index(self):
        name = f"{self.alias}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"
        build_index(name).create(using=self.client)
        return name

    def index(self, items, page_ids, object_keys=()):
        self.ensure_index()
        self.remove(page_ids, object_keys)
        helpers.bulk(self.client, self._actions(items, self.alias), refresh="wait_for")

    def remove(self, page_ids, object_keys=()):
        page_ids, object_keys = list(page_ids), list(object_keys)
        if not page_ids and not object_keys:
            return
        # A page's documents by page id; another object's by its key and its parts' keys ("<key>:...").
        should = [{"terms": {"page_id": page_ids}}] if page_ids else []
        should += [{"term": {"key": key}} for key in object_keys]
        should += [{"prefix": {"key": f"{key}:"}} for key in object_keys]
        self.client.delete_by_query(
            index=self.alias,
            query={"bool": {"should": should, "minimum_should_match": 1}},
            refresh=True,
            conflicts="proceed",
        )

    def clear(self):
        self.rebuild([])

    @contextmanager
    def rebuilding(self):
        """Fill a new timestamped index, then point the alias at it and drop the old ones."""
        name = self._new_index()
        try:
            yield lambda items: helpers.bulk(self.client, self._actions(items, name))
        except BaseException:
            self.client.indices.delete(index=name, ignore_unavailable=True)
            raise
        self.client.indices.refresh(index=name)
        try:
            old = list(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            old = []
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)

    def count(self):
        return self.client.count(index=self.alias)["count"]
