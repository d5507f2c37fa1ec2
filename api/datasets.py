"""The datasets this site publishes, described once for the catalogue and the API page."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Dataset:
    key: str
    title_da: str
    title_en: str
    description_da: str
    description_en: str
    endpoint: str  # the API list endpoint under /api/v1/
    models: tuple  # the page models whose publishing dates give the dataset's modification date
    downloads: tuple = ()  # file names under /data/ (without extension): CSV and JSON each
    keywords: tuple = field(default=())
    eu_themes: tuple = ("EDUC", "ENVI")


DATASETS = [
    Dataset(
        key="strategier",
        title_da="Kommunernes strategier for grøn kultur",
        title_en="Municipal strategies for green culture",
        description_da=(
            "Medlemskommunernes offentliggjorte strategier for grøn omstilling i kulturlivet: status, periode, "
            "vedtagelsesdato, temaer, mål, partnere, kontaktpersonens rolle og link til den vedtagne strategi."
        ),
        description_en=(
            "The member municipalities' published strategies for the green transition in cultural life: status, "
            "period, adoption date, themes, goals, partners, the contact's role and a link to the adopted strategy."
        ),
        endpoint="strategies",
        models=("StrategyPage",),
        downloads=("strategier",),
        keywords=("strategi", "kultur", "grøn omstilling", "kommune"),
        eu_themes=("EDUC", "ENVI", "GOVE"),
    ),
    Dataset(
        key="handlinger",
        title_da="Handlinger i kommunernes handlingsplaner",
        title_en="Actions in the municipalities' action plans",
        description_da=(
            "Hver handling i de offentliggjorte handlingsplaner: status, ansvarlig, partnere, periode, budget, "
            "indikator, målsætning og temaer."
        ),
        description_en=(
            "Every action in the published action plans: status, responsible organisation, partners, period, "
            "budget, indicator, target and themes."
        ),
        endpoint="actions",
        models=("ActionPlanPage",),
        downloads=("handlinger",),
        keywords=("handlingsplan", "handling", "kultur", "grøn omstilling"),
        eu_themes=("EDUC", "ENVI", "GOVE"),
    ),
    Dataset(
        key="daekning",
        title_da="Dækning: kommuner i netværket",
        title_en="Coverage: municipalities in the network",
        description_da=(
            "Hvor mange af landets 98 kommuner er medlemmer af netværket og har offentliggjort en strategi, "
            "i alt, efter region og efter indbyggertal."
        ),
        description_en=(
            "How many of Denmark's 98 municipalities are members of the network and have published a strategy, "
            "in total, by region and by population."
        ),
        endpoint="municipalities",
        models=("MunicipalityPage", "StrategyPage"),
        downloads=("daekning",),
        keywords=("kommuner", "dækning", "medlemmer"),
        eu_themes=("GOVE", "REGI"),
    ),
    Dataset(
        key="moeder",
        title_da="Netværksmøder",
        title_en="Network meetings",
        description_da="Netværkets møder med dato, sted, program og oplægsholdere.",
        description_en="The network's meetings with date, venue, programme and speakers.",
        endpoint="meetings",
        models=("MeetingPage",),
        keywords=("netværksmøde", "program"),
        eu_themes=("EDUC",),
    ),
    Dataset(
        key="cases",
        title_da="Cases fra netværksmøderne",
        title_en="Cases from the network meetings",
        description_da="Kommuners og kulturinstitutioners erfaringer: udfordring, fremgangsmåde, resultater og læring.",
        description_en="Municipalities' and cultural institutions' experience: challenge, approach, results, lessons.",
        endpoint="cases",
        models=("CasePage",),
        keywords=("case", "erfaring", "kultur"),
        eu_themes=("EDUC", "ENVI"),
    ),
    Dataset(
        key="workshopresultater",
        title_da="Workshopresultater",
        title_en="Workshop outputs",
        description_da="Hvad workshops på netværksmøderne arbejdede med og kom frem til: indsigter og idéer.",
        description_en="What workshops at the network meetings worked on and produced: insights and ideas.",
        endpoint="workshop-outputs",
        models=("WorkshopOutputPage",),
        keywords=("workshop", "idé", "indsigt"),
        eu_themes=("EDUC",),
    ),
    Dataset(
        key="organisationer",
        title_da="Organisationer i netværkets arbejde",
        title_en="Organisations in the network's work",
        description_da="Kulturinstitutioner og partnere, der indgår i strategier, handlinger og cases.",
        description_en="Cultural institutions and partners taking part in strategies, actions and cases.",
        endpoint="organisations",
        models=(),
        keywords=("kulturinstitution", "partner"),
        eu_themes=("EDUC",),
    ),
]
