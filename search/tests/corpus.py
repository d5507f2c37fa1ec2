"""A small Danish corpus for the engine contract suite, with real theme, municipality and region values."""

import datetime
import os
import uuid

from search.documents import Kind, SearchDocument

AARHUS, ODENSE, VEJLE = 751, 461, 630
MIDTJYLLAND, SYDDANMARK = 1082, 1083


def corpus(page_id):
    def doc(key, **fields):
        return SearchDocument(key=f"page:{page_id}:{key}", page_id=page_id, url=f"/test/{key}/", **fields)

    return [
        doc(
            "strategi-aarhus",
            title="Strategi for kulturinstitutioner i Aarhus",
            kind=Kind.STRATEGY,
            summary="Aarhus vil gøre byens kulturliv grønnere frem mod 2030.",
            body="Kommunen samarbejder med grønne biblioteker og spillesteder om energi og affald.",
            themes=["klimavenlig-drift-af-kulturinstitutioner"],
            municipalities=[AARHUS],
            regions=[MIDTJYLLAND],
            date=datetime.date(2024, 3, 1),
        ),
        doc(
            "handleplan-odense",
            title="Handlingsplan: biblioteket som grønt samlingssted",
            kind=Kind.ACTION_PLAN,
            summary="Odenses biblioteker åbner for reparationscaféer.",
            body="Borgerne mødes om genbrug og deling.",
            themes=["cirkulær-omstilling", "samskabelse"],
            municipalities=[ODENSE],
            regions=[SYDDANMARK],
            date=datetime.date(2025, 5, 1),
        ),
        doc(
            "genbrug-museum",
            title="Genbrugsværksted på museet",
            kind=Kind.ACTION,
            summary="Museet låner materialer ud til skoler.",
            body="Udstillingernes materialer får nyt liv.",
            themes=["cirkulær-omstilling"],
            municipalities=[AARHUS],
            regions=[MIDTJYLLAND],
            date=datetime.date(2023, 9, 15),
        ),
        doc(
            "musikskole-vejle",
            title="Case: musikskolen sparer energi",
            kind=Kind.CASE,
            summary="Vejle Musikskole halverede sit elforbrug.",
            body="Et eksempel på grøn omstilling i praksis, fortalt af lederen.",
            themes=["klimavenlig-drift-af-kulturinstitutioner"],
            municipalities=[VEJLE],
            regions=[SYDDANMARK],
            date=datetime.date(2025, 1, 20),
        ),
        doc(
            "workshop-dannelse",
            title="Workshop om grøn dannelse",
            kind=Kind.WORKSHOP,
            summary="Hvad kan kulturinstitutionen lære børn om naturen?",
            body="Deltagerne talte om omstilling grøn og blå, i omvendt rækkefølge.",
            themes=["grøn-dannelse", "samskabelse"],
            date=datetime.date(2022, 11, 3),
        ),
        doc(
            "markup",
            title='<script>alert("x")</script> Kulturnat & <b>fest</b>',
            kind=Kind.CASE,
            summary='Kulturnat med "<img src=x onerror=alert(1)>" i teksten.',
            body="",
            municipalities=[ODENSE, AARHUS],
            regions=[SYDDANMARK, MIDTJYLLAND],
            date=None,
        ),
    ]


def titles(results):
    return {hit.title for hit in results.hits}


def elasticsearch_url():
    return os.environ.get("ELASTICSEARCH_URL", "")


def unique_index_name():
    return f"test-gronne-partnerskaber-{uuid.uuid4().hex[:10]}"
