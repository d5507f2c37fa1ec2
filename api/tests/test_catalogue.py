"""The DCAT-AP catalogue: parsed with rdflib in both serialisations and validated with pyshacl."""

from pathlib import Path

from django.test import TestCase

from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from api.tests.utils import build_open_data

# Plain namespaces: pytest's collection probes module attributes, which rdflib's closed namespaces warn about.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SHAPES = Path(__file__).resolve().parent.parent / "shacl"
SHAPE_FILES = ["dcat-ap-3.0.1-shapes.ttl", "dcat-ap-3.0.1-range.ttl", "dcat-ap-3.0.1-deprecateduris.ttl"]


def shapes():
    graph = Graph()
    for name in SHAPE_FILES:
        graph.parse(SHAPES / name)
    return graph


class CatalogueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_open_data(cls)

    def turtle(self):
        response = self.client.get("/data/katalog.ttl")
        self.assertEqual(response["Content-Type"], "text/turtle; charset=utf-8")
        return Graph().parse(data=response.content.decode(), format="turtle")

    def test_json_ld_and_turtle_describe_the_same_catalogue(self):
        response = self.client.get("/data/katalog.jsonld")
        self.assertEqual(response["Content-Type"], "application/ld+json; charset=utf-8")
        jsonld = Graph().parse(data=response.content.decode(), format="json-ld")
        self.assertTrue(jsonld.isomorphic(self.turtle()))

    def test_the_catalogue_conforms_to_the_dcat_ap_shapes(self):
        conforms, _graph, text = validate(self.turtle(), shacl_graph=shapes())
        self.assertTrue(conforms, text)

    def test_the_shapes_catch_a_dataset_without_a_title(self):
        graph = self.turtle()
        dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
        graph.remove((dataset, DCTERMS.title, None))
        conforms, _graph, _text = validate(graph, shacl_graph=shapes())
        self.assertFalse(conforms)

    def test_each_dataset_has_danish_and_english_text_licence_publisher_and_downloads(self):
        graph = self.turtle()
        datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
        self.assertGreaterEqual(len(datasets), 6)
        licence = URIRef("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
        for dataset in datasets:
            languages = {title.language for title in graph.objects(dataset, DCTERMS.title)}
            self.assertEqual(languages, {"da", "en"})
            self.assertEqual({d.language for d in graph.objects(dataset, DCTERMS.description)}, {"da", "en"})
            self.assertEqual(graph.value(dataset, DCTERMS.publisher), URIRef("https://www.kl.dk/"))
            self.assertIsNotNone(graph.value(dataset, DCAT.contactPoint))
            for distribution in graph.objects(dataset, DCAT.distribution):
                self.assertEqual(graph.value(distribution, DCTERMS.license), licence)
                self.assertIsNotNone(graph.value(distribution, DCAT.mediaType))
        downloads = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
        for name in ("strategier.csv", "strategier.json", "handlinger.csv", "handlinger.json", "daekning.csv"):
            self.assertTrue(any(url.endswith("/data/" + name) for url in downloads), name)
        strategies = next(d for d in datasets if str(d).endswith("#datasaet-strategier"))
        modified = graph.value(strategies, DCTERMS.modified)
        self.assertIsInstance(modified, Literal)
        self.assertEqual(
            modified.toPython(), max(self.aarhus_strategy.last_published_at, self.odense_strategy.last_published_at)
        )

    def test_every_download_url_in_the_catalogue_answers(self):
        graph = self.turtle()
        for url in graph.objects(None, DCAT.downloadURL):
            path = "/" + str(url).split("/", 3)[3]
            self.assertEqual(self.client.get(path).status_code, 200, path)
