"""Demo step for search: rebuild the index so `make run` has a working search. Idempotent."""

from search.indexing import rebuild


def load(report):
    report.step("Søgeindeks")
    result = rebuild()
    report.detail(f"{result.documents} dokumenter fra {result.pages} sider i søgeindekset")
