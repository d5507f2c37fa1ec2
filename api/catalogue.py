"""The DCAT-AP catalogue of the site's open data, as JSON-LD and Turtle, built with rdflib.

It follows DCAT-AP 3.0.1 (the European profile that DCAT-AP-DK builds on) and is checked against
SEMIC's SHACL shapes in api/tests/test_catalogue.py. Titles and descriptions are in Danish and
English; the licence is CC BY 4.0; the publisher is KL.
"""

from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from . import sources
from .datasets import DATASETS
from .http import LICENCE_URL, finish
from .refs import site_root

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
EU_THEME = Namespace(EU + "data-theme/")
EU_FILE_TYPE = Namespace(EU + "file-type/")
IANA = Namespace("https://www.iana.org/assignments/media-types/")
# The licence as the EU licence vocabulary names it (what DCAT-AP's vocabulary shapes ask for),
# matched to Creative Commons' own address.
LICENCE = URIRef(EU + "licence/CC_BY_4_0")
DENMARK = URIRef(EU + "country/DNK")
DANISH = URIRef(EU + "language/DAN")
PUBLIC = URIRef(EU + "access-right/PUBLIC")
KL_URL = URIRef("https://www.kl.dk/")

FORMATS = {
    "csv": ("CSV", "text/csv"),
    "json": ("JSON", "application/json"),
}


CSV_NOTE = "UTF-8 med BOM, semikolon som skilletegn og decimalkomma (dansk Excel)."


def date_time(moment):
    return Literal(timezone.localtime(moment).isoformat(), datatype=XSD.dateTime)


def _modified(dataset):
    moments = []
    for name in dataset.models:
        model = getattr(sources, name)
        moment = model.objects.live().public().aggregate(at=Max("last_published_at"))["at"]
        if moment:
            moments.append(moment)
    return max(moments) if moments else None


# The English labels of the EU vocabulary concepts used here, as the EU Vocabularies publish them.
EU_LABELS = {
    "language/DAN": "Danish",
    "country/DNK": "Denmark",
    "access-right/PUBLIC": "public",
    "licence/CC_BY_4_0": "Creative Commons Attribution 4.0 International",
    "file-type/CSV": "CSV",
    "file-type/JSON": "JSON",
    "data-theme/EDUC": "Education, culture and sport",
    "data-theme/ENVI": "Environment",
    "data-theme/GOVE": "Government and public sector",
    "data-theme/REGI": "Regions and cities",
}


def in_scheme(graph, concept, scheme):
    """Say which EU controlled vocabulary (publications.europa.eu authority table) a concept is from."""
    graph.add((concept, SKOS.inScheme, URIRef(EU + scheme)))
    graph.add((concept, SKOS.prefLabel, Literal(EU_LABELS[str(concept).removeprefix(EU)], lang="en")))
    return concept


def _typed(graph, node, *types):
    for rdf_type in types:
        graph.add((node, RDF.type, rdf_type))
    return node


def build_graph(request):
    base = site_root(request)
    api_page = base + reverse("open_data_page")
    settings = sources.SiteSettings.for_request(request)
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    graph.bind("foaf", FOAF)
    graph.bind("vcard", VCARD)
    graph.bind("skos", SKOS)

    publisher = _typed(graph, KL_URL, FOAF.Agent, FOAF.Organization)
    graph.add(
        (publisher, FOAF.name, Literal(settings.organisation_name or "KL – Kommunernes Landsforening", lang="da"))
    )
    graph.add((publisher, FOAF.homepage, KL_URL))

    contact = _typed(graph, URIRef(api_page + "#kontakt"), VCARD.Kind, VCARD.Organization)
    graph.add((contact, VCARD.fn, Literal(settings.contact_name or settings.organisation_name or "KL")))
    if settings.contact_email:
        graph.add((contact, VCARD.hasEmail, URIRef("mailto:" + settings.contact_email)))
    graph.add((contact, VCARD.hasURL, URIRef(base + "/")))

    _typed(graph, LICENCE, DCTERMS.LicenseDocument, SKOS.Concept)
    in_scheme(graph, LICENCE, "licence")
    graph.add((LICENCE, SKOS.exactMatch, URIRef(LICENCE_URL)))
    graph.add(
        (LICENCE, DCTERMS.title, Literal("Creative Commons Navngivelse 4.0 International (CC BY 4.0)", lang="da"))
    )
    in_scheme(graph, _typed(graph, DENMARK, DCTERMS.Location, SKOS.Concept), "country")
    in_scheme(graph, _typed(graph, DANISH, DCTERMS.LinguisticSystem, SKOS.Concept), "language")
    in_scheme(graph, _typed(graph, PUBLIC, DCTERMS.RightsStatement, SKOS.Concept), "access-right")
    landing_page = _typed(graph, URIRef(api_page), FOAF.Document)

    catalogue = _typed(graph, URIRef(base + reverse("open_data_catalogue_turtle")), DCAT.Catalog)
    graph.add((catalogue, DCTERMS.title, Literal("Grønne partnerskaber – åbne data", lang="da")))
    graph.add((catalogue, DCTERMS.title, Literal("Green partnerships – open data", lang="en")))
    graph.add(
        (
            catalogue,
            DCTERMS.description,
            Literal(
                "Data fra KL's netværk for grønne partnerskaber mellem kommuner og kulturliv: strategier, "
                "handlingsplaner, handlinger, møder, cases og workshopresultater.",
                lang="da",
            ),
        )
    )
    graph.add(
        (
            catalogue,
            DCTERMS.description,
            Literal(
                "Data from KL's network for green partnerships between municipalities and cultural life: "
                "strategies, action plans, actions, meetings, cases and workshop outputs.",
                lang="en",
            ),
        )
    )
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, FOAF.homepage, _typed(graph, URIRef(base + "/"), FOAF.Document)))
    graph.add((catalogue, DCTERMS.language, DANISH))
    graph.add((catalogue, DCTERMS.license, LICENCE))
    graph.add((catalogue, DCTERMS.spatial, DENMARK))

    service = _typed(graph, URIRef(api_page + "#api"), DCAT.DataService)
    graph.add((service, DCTERMS.title, Literal("Grønne partnerskaber – JSON-API", lang="da")))
    graph.add((service, DCTERMS.title, Literal("Green partnerships – JSON API", lang="en")))
    graph.add((service, DCAT.endpointURL, URIRef(base + "/api/v1/")))
    graph.add((service, DCAT.endpointDescription, URIRef(base + "/api/v1/openapi.json")))
    graph.add((service, DCTERMS.publisher, publisher))
    graph.add((service, DCTERMS.license, LICENCE))
    graph.add((service, DCAT.landingPage, landing_page))
    graph.add((catalogue, DCAT.service, service))

    modified_all = []
    for dataset in DATASETS:
        node = _typed(graph, URIRef(f"{api_page}#datasaet-{dataset.key}"), DCAT.Dataset)
        graph.add((catalogue, DCAT.dataset, node))
        graph.add((service, DCAT.servesDataset, node))
        graph.add((node, DCTERMS.identifier, Literal(f"{base}/data/{dataset.key}")))
        graph.add((node, DCTERMS.title, Literal(dataset.title_da, lang="da")))
        graph.add((node, DCTERMS.title, Literal(dataset.title_en, lang="en")))
        graph.add((node, DCTERMS.description, Literal(dataset.description_da, lang="da")))
        graph.add((node, DCTERMS.description, Literal(dataset.description_en, lang="en")))
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCAT.contactPoint, contact))
        graph.add((node, DCTERMS.language, DANISH))
        graph.add((node, DCTERMS.spatial, DENMARK))
        graph.add((node, DCTERMS.accessRights, PUBLIC))
        graph.add((node, DCAT.landingPage, landing_page))
        for keyword in dataset.keywords:
            graph.add((node, DCAT.keyword, Literal(keyword, lang="da")))
        for code in dataset.eu_themes:
            theme = in_scheme(graph, _typed(graph, EU_THEME[code], SKOS.Concept), "data-theme")
            graph.add((node, DCAT.theme, theme))
        modified = _modified(dataset)
        if modified:
            modified_all.append(modified)
            graph.add(
                (node, DCTERMS.modified, Literal(timezone.localtime(modified).isoformat(), datatype=XSD.dateTime))
            )

        endpoint = f"{base}/api/v1/{dataset.endpoint}"
        api_distribution = _distribution(graph, f"{api_page}#distribution-{dataset.key}-api", "json", endpoint)
        graph.add((api_distribution, DCTERMS.title, Literal(f"{dataset.title_da} via API'et", lang="da")))
        graph.add((api_distribution, DCTERMS.title, Literal(f"{dataset.title_en} through the API", lang="en")))
        graph.add((api_distribution, DCAT.accessService, service))
        graph.add((node, DCAT.distribution, api_distribution))
        for name in dataset.downloads:
            for fmt, (label, _media_type) in FORMATS.items():
                url = f"{base}/data/{name}.{fmt}"
                distribution = _distribution(graph, f"{api_page}#distribution-{name}-{fmt}", fmt, url)
                graph.add((distribution, DCAT.downloadURL, URIRef(url)))
                graph.add((distribution, DCTERMS.title, Literal(f"{dataset.title_da} ({label})", lang="da")))
                graph.add((distribution, DCTERMS.title, Literal(f"{dataset.title_en} ({label})", lang="en")))
                if fmt == "csv":
                    graph.add(
                        (
                            distribution,
                            DCTERMS.description,
                            Literal(
                                "UTF-8 med BOM, semikolon som skilletegn og decimalkomma (dansk Excel).", lang="da"
                            ),
                        )
                    )
                graph.add((node, DCAT.distribution, distribution))
    if modified_all:
        graph.add((catalogue, DCTERMS.modified, date_time(max(modified_all))))
    return graph


def _distribution(graph, uri, fmt, access_url):
    label, media_type = FORMATS[fmt]
    node = _typed(graph, URIRef(uri), DCAT.Distribution)
    graph.add((node, DCAT.accessURL, URIRef(access_url)))
    media = _typed(graph, IANA[media_type], DCTERMS.MediaType)
    graph.add((node, DCAT.mediaType, media))
    file_type = in_scheme(
        graph, _typed(graph, EU_FILE_TYPE[label], DCTERMS.MediaTypeOrExtent, SKOS.Concept), "file-type"
    )
    graph.add((node, DCTERMS.format, file_type))
    graph.add((node, DCTERMS.license, LICENCE))
    return node


def _response(request, body, content_type):
    response = HttpResponse(body, content_type=content_type)
    return finish(request, response)


def catalogue_turtle(request):
    return _response(request, build_graph(request).serialize(format="turtle"), "text/turtle; charset=utf-8")


def catalogue_jsonld(request):
    graph = build_graph(request)
    context = {
        "dcat": str(DCAT),
        "dct": str(DCTERMS),
        "foaf": str(FOAF),
        "vcard": str(VCARD),
        "skos": str(SKOS),
        "xsd": str(XSD),
    }
    body = graph.serialize(format="json-ld", context=context, indent=2)
    return _response(request, body, "application/ld+json; charset=utf-8")


__all__ = ["build_graph", "catalogue_jsonld", "catalogue_turtle"]
