"""Demo content for strategies: /kommuner/, thirteen example member municipalities, strategies and plans.

Everything here is invented to show how the platform works. Pages are marked `is_example`, organisations
and people say in their description that they are examples, and no text presents a real municipality's policy.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.demo import add_menu_link
from cms.demo.base import ensure_child_page
from cms.demo.pdf import simple_pdf
from cms.models import HomePage, Municipality, Theme
from directory.models import Organisation, Person
from strategies.models import (
    Action,
    ActionPlanPage,
    MunicipalityIndexPage,
    MunicipalityPage,
    StrategyLink,
    StrategyPage,
)
from strategies.permissions import setup_approval_workflow, setup_municipal_editors

EXAMPLE_NOTE = "Opfundet eksempel til demonstration af platformen; ikke en rigtig organisation."

# short name, focus of the invented strategy, status (None: member without a published strategy),
# whether an action plan is published, image title, themes, invented contact person
DEMO_MUNICIPALITIES = [
    (
        "Gladsaxe",
        "bibliotekerne som grønne mødesteder",
        "vedtaget",
        True,
        "by",
        ["grønt medborgerskab", "samskabelse"],
        "Lærke Eksempel",
    ),
    (
        "Helsingør",
        "kyst, kulturarv og grøn dannelse",
        "i-gang",
        True,
        "kyst",
        ["grøn dannelse", "natur og biodiversitet"],
        "Jonas Prøvesen",
    ),
    (
        "Bornholm",
        "en klimavenlig kulturø",
        "vedtaget",
        True,
        "kyst",
        ["klimavenlig drift af kulturinstitutioner", "cirkulær omstilling"],
        "Signe Demo Holm",
    ),
    (
        "Roskilde",
        "festival, musik og cirkulære fællesskaber",
        "evalueret",
        True,
        "eng",
        ["cirkulær omstilling", "samskabelse"],
        "Mikkel Eksemplar",
    ),
    (
        "Næstved",
        "kulturhuse i grøn drift",
        "vedtaget",
        False,
        "skov",
        ["klimavenlig drift af kulturinstitutioner"],
        "Hanne Prøve",
    ),
    ("Lolland", None, None, False, "eng", [], None),
    (
        "Odense",
        "børn, kunst og natur i byen",
        "i-gang",
        True,
        "by",
        ["grøn dannelse", "tværgående samarbejde"],
        "Yasmin Eksempel",
    ),
    (
        "Sønderborg",
        "kultur i den grønne grænseregion",
        "vedtaget",
        True,
        "eng",
        ["tværgående samarbejde", "grønt medborgerskab"],
        "Peter Demo Lund",
    ),
    (
        "Aarhus",
        "grønne kulturfællesskaber i alle bydele",
        "i-gang",
        True,
        "by",
        ["grønt medborgerskab", "cirkulær omstilling", "samskabelse"],
        "Ida Eksempelsen",
    ),
    (
        "Skive",
        "lokale kulturkræfter i omstillingen",
        "under-udarbejdelse",
        False,
        "hede",
        ["grønt medborgerskab"],
        "Rasmus Prøvholm",
    ),
    (
        "Herning",
        "kulturinstitutioner som klimaforbilleder",
        "vedtaget",
        True,
        "hede",
        ["klimavenlig drift af kulturinstitutioner", "grøn dannelse"],
        "Camilla Demo",
    ),
    (
        "Aalborg",
        "naturen og vandet som kulturens scene",
        "vedtaget",
        True,
        "kyst",
        ["natur og biodiversitet", "grøn dannelse"],
        "Kasper Eksempel",
    ),
    ("Thisted", "draft", "under-udarbejdelse", False, "hede", ["natur og biodiversitet"], "Birgitte Prøvesen"),
]
IMAGE_TITLES = {
    "eng": "Eksempelbillede: eng ved kulturhuset",
    "kyst": "Eksempelbillede: kyst",
    "skov": "Eksempelbillede: skov",
    "by": "Eksempelbillede: by",
    "hede": "Eksempelbillede: hede",
}
ORGANISATIONS = [
    ("bibliotek", "Eksempel-biblioteket i {name}"),
    ("museum", "Eksempel-museet i {name}"),
    ("kulturhus", "Eksempel-kulturhuset i {name}"),
    ("kommunal-forvaltning", "Eksempel-kulturforvaltningen i {name}"),
]
SHARED_ORGANISATIONS = [
    ("forening", "Eksempel-foreningen for grøn kultur"),
    ("uddannelsesinstitution", "Eksempel-højskolen for natur og kunst"),
]
# title, description, indicator, target, responsible (index into ORGANISATIONS), themes
ACTIONS = [
    (
        "Reparationscafé på biblioteket",
        "Frivillige og borgere reparerer tøj, cykler og elektronik sammen én aften om måneden.",
        "Antal deltagere pr. år",
        "600 deltagere om året",
        0,
        ["cirkulær omstilling", "grønt medborgerskab"],
    ),
    (
        "Klimaregnskab for kulturinstitutionerne",
        "Institutionerne måler energi, transport og indkøb efter en fælles skabelon.",
        "Andel institutioner med klimaregnskab",
        "Alle kommunale kulturinstitutioner",
        3,
        ["klimavenlig drift af kulturinstitutioner"],
    ),
    (
        "Naturvandringer med museets formidlere",
        "Museet tilbyder skoler og borgere vandringer om landskabets historie og biodiversitet.",
        "Antal vandringer",
        "40 vandringer om året",
        1,
        ["natur og biodiversitet", "grøn dannelse"],
    ),
    (
        "Byttemarked i kulturhuset",
        "Et fast byttemarked for tøj, bøger og legetøj, drevet sammen med lokale foreninger.",
        "Antal byttede ting",
        "5.000 ting om året",
        2,
        ["cirkulær omstilling", "samskabelse"],
    ),
    (
        "Grøn kulturrygsæk for skoleklasser",
        "Alle 5. klasser får et forløb om klima og kultur med kunstnere og formidlere.",
        "Andel skoleklasser med forløb",
        "Alle 5. klasser",
        3,
        ["grøn dannelse", "tværgående samarbejde"],
    ),
    (
        "Energirenovering af kulturhusets sal",
        "LED-belysning, varmestyring og solceller på taget af kulturhuset.",
        "Energiforbrug i kWh",
        "30 % lavere forbrug end 2024",
        2,
        ["klimavenlig drift af kulturinstitutioner"],
    ),
    (
        "Borgerpanel om grøn kultur",
        "Et panel af borgere giver råd om, hvordan kulturlivet kan bidrage til omstillingen.",
        "Antal møder i panelet",
        "4 møder om året",
        3,
        ["grønt medborgerskab", "samskabelse"],
    ),
    (
        "Frøbibliotek og bybede",
        "Biblioteket låner frø ud og passer bybede sammen med nabolaget.",
        "Antal udlånte frøposer",
        "1.500 poser om året",
        0,
        ["natur og biodiversitet", "grønt medborgerskab"],
    ),
    (
        "Fælles indkøbsaftale for genbrugsmaterialer",
        "Kulturinstitutionerne køber scenografi og udstillingsmaterialer ind sammen og genbruger dem.",
        "Andel genbrugte materialer",
        "Halvdelen af materialerne",
        3,
        ["cirkulær omstilling", "tværgående samarbejde"],
    ),
    (
        "Klimafortællinger i arkivet",
        "Borgere samler fortællinger om vejr, natur og klima i lokalområdet til arkivet.",
        "Antal indsamlede fortællinger",
        "200 fortællinger",
        1,
        ["grøn dannelse"],
    ),
    (
        "Grønne kulturnætter i bydelene",
        "Kulturhuset og foreningerne holder en kulturnat om året med lokale fødevarer og cykeltransport.",
        "Antal besøgende",
        "3.000 besøgende pr. kulturnat",
        2,
        ["grønt medborgerskab", "samskabelse"],
    ),
    (
        "Lån-et-værktøj på biblioteket",
        "Borgerne kan låne boremaskiner, symaskiner og haveredskaber med lånerkortet.",
        "Antal udlån",
        "2.500 udlån om året",
        0,
        ["cirkulær omstilling"],
    ),
    (
        "Kunstnerophold om biodiversitet",
        "To kunstnere arbejder et halvt år med kommunens naturforvaltere og viser værkerne i det fri.",
        "Antal værker og besøgende",
        "Et værk pr. kunstner og 5.000 besøgende",
        2,
        ["natur og biodiversitet", "grøn dannelse"],
    ),
    (
        "Vild med vilje på museets arealer",
        "Museets græsplæner bliver til vilde blomsterenge med skilte om de arter, der vender tilbage.",
        "Areal omlagt til vild natur",
        "2 hektar",
        1,
        ["natur og biodiversitet"],
    ),
    (
        "Cykelvenlige kulturinstitutioner",
        "Overdækket cykelparkering, ladecykler til udlån og rabat for gæster, der kommer på cykel.",
        "Andel gæster, der kommer på cykel",
        "40 % af gæsterne",
        3,
        ["klimavenlig drift af kulturinstitutioner"],
    ),
    (
        "Klimaværksteder for unge",
        "Unge mellem 15 og 25 laver film, podcasts og musik om klimaet med professionelle kunstnere.",
        "Antal deltagende unge",
        "150 unge om året",
        2,
        ["grøn dannelse", "grønt medborgerskab"],
    ),
    (
        "Genbrugsscenografi i teatret",
        "Teatret bygger scenografi af genbrugte materialer og deler sit lager med amatørscenerne.",
        "Andel genbrugt scenografi",
        "75 % af forestillingerne",
        2,
        ["cirkulær omstilling", "klimavenlig drift af kulturinstitutioner"],
    ),
    (
        "Fælles grøn kulturkalender",
        "En kalender samler kommunens og foreningernes grønne arrangementer ét sted.",
        "Antal arrangementer i kalenderen",
        "300 arrangementer om året",
        3,
        ["tværgående samarbejde", "grønt medborgerskab"],
    ),
    (
        "Plantebaseret café i kulturhuset",
        "Caféen serverer mest plantebaseret mad fra lokale leverandører og måler sit madspild.",
        "Madspild i kilo pr. måned",
        "Halvering af madspildet",
        2,
        ["klimavenlig drift af kulturinstitutioner"],
    ),
    (
        "Grønne fortællinger for de mindste",
        "Bibliotekets børneformidlere laver højtlæsning og leg om natur og klima i dagplejen.",
        "Antal besøg i dagpleje og børnehaver",
        "80 besøg om året",
        0,
        ["grøn dannelse"],
    ),
    (
        "Partnerskab med landbruget om kulturlandskabet",
        "Museet og lokale landmænd formidler sammen, hvordan landskabet ændrer sig med klimaet.",
        "Antal fælles arrangementer",
        "6 arrangementer om året",
        1,
        ["tværgående samarbejde", "natur og biodiversitet"],
    ),
    (
        "Solceller på bibliotekets tag",
        "Biblioteket får solceller og viser på en skærm i foyeren, hvor meget strøm de producerer.",
        "Egenproduceret strøm i kWh",
        "Halvdelen af bibliotekets forbrug",
        0,
        ["klimavenlig drift af kulturinstitutioner"],
    ),
    (
        "Frivilligkorps for grønne arrangementer",
        "Et korps af frivillige hjælper foreningerne med affaldssortering og genbrugsservice.",
        "Antal frivillige",
        "60 aktive frivillige",
        3,
        ["grønt medborgerskab", "samskabelse"],
    ),
    (
        "Udstilling om havet og kysten",
        "En vandreudstilling om havets liv og stigende vandstand besøger biblioteker og skoler.",
        "Antal besøgende",
        "10.000 besøgende",
        1,
        ["natur og biodiversitet", "grøn dannelse"],
    ),
    (
        "Grøn guide til foreningernes arrangementer",
        "En kort guide til foreninger om transport, mad, affald og genbrug ved arrangementer.",
        "Antal foreninger, der bruger guiden",
        "50 foreninger",
        3,
        ["cirkulær omstilling", "tværgående samarbejde"],
    ),
    (
        "Borgerforskning i lokale vandløb",
        "Skoleklasser og borgere måler vandkvalitet og registrerer smådyr sammen med museet.",
        "Antal målinger",
        "400 målinger om året",
        1,
        ["natur og biodiversitet", "samskabelse"],
    ),
    (
        "Energitjek af foreningshusene",
        "Kommunens energirådgivere gennemgår foreningshusene og foreslår billige forbedringer.",
        "Antal gennemgåede huse",
        "Alle kommunens foreningshuse",
        3,
        ["klimavenlig drift af kulturinstitutioner", "tværgående samarbejde"],
    ),
    (
        "Sommerskole om klima og kunst",
        "En uges sommerskole, hvor børn bygger kunst af genbrugsmaterialer og udstiller den.",
        "Antal deltagende børn",
        "120 børn",
        2,
        ["grøn dannelse", "cirkulær omstilling"],
    ),
]
# 45 actions over 9 plans from 28 titles: consecutive plans take consecutive titles, so no plan repeats one
# and no title is used more than twice across the demo.


def actions_per_plan(number):
    return 4 + number % 3


ACTION_STATUSES = ["gennemfoert", "i-gang", "i-gang", "planlagt", "sat-paa-pause", "planlagt", "opgivet", "gennemfoert"]


def load(report):
    report.step("Kommuner, strategier og handlingsplaner")
    home = HomePage.objects.first()
    if home is None:
        report.detail("ingen forside: kør cms-delen af load_demo først")
        return
    index, _created = ensure_child_page(
        home,
        MunicipalityIndexPage,
        "kommuner",
        report,
        title="Kommuner",
        intro=(
            "Se hvilke kommuner der er med i netværket, hvordan de arbejder med grøn omstilling i kulturlivet, "
            "og sammenlign deres strategier og handlingsplaner."
        ),
    )
    setup_approval_workflow(index)
    add_menu_link(home.get_site(), index, position=0)  # the network's content first, then about pages

    shared = [_organisation(kind, name, None, report) for kind, name in SHARED_ORGANISATIONS]
    for number, (short_name, focus, status, with_plan, palette, theme_names, contact_name) in enumerate(
        DEMO_MUNICIPALITIES
    ):
        municipality = Municipality.objects.get(short_name=short_name)
        member, _created = ensure_child_page(
            index,
            MunicipalityPage,
            municipality.slug,
            report,
            title=municipality.name,
            municipality=municipality,
            member_since=2023 + number % 3,
            intro=f"{municipality.name} er med i netværket. Indholdet på siderne her er et opfundet eksempel.",
            is_example=True,
        )
        _group, collection = setup_municipal_editors(member)
        if status is None:
            continue
        organisations = [
            _organisation(kind, pattern.format(name=short_name), municipality, report)
            for kind, pattern in ORGANISATIONS
        ]
        contact = _person(contact_name, organisations[3], report)
        themes = list(Theme.objects.filter(name__in=theme_names))
        strategy = _strategy(
            member,
            municipality,
            focus,
            status,
            palette,
            themes,
            organisations,
            shared,
            contact,
            collection,
            number,
            report,
        )
        if with_plan:
            _action_plan(member, strategy, municipality, themes, organisations, shared, number, report)


def _organisation(kind, name, municipality, report):
    organisation, created = Organisation.objects.get_or_create(
        name=name, municipality=municipality, defaults={"kind": kind, "description": EXAMPLE_NOTE}
    )
    report.count_created(created)
    return organisation


def _person(name, organisation, report):
    email = name.lower().replace(" ", ".").replace("æ", "ae").replace("ø", "oe").replace("å", "aa") + "@example.org"
    person, created = Person.objects.get_or_create(
        name=name,
        work_email=email,
        defaults={
            "job_title": "Kulturkonsulent (eksempel)",
            "organisation": organisation,
            "municipality": organisation.municipality,  # so the municipality's editors can keep it up to date
            "bio": "Opfundet kontaktperson til demoindholdet.",
        },
    )
    report.count_created(created)
    return person


def _strategy_pdf(municipality, title, focus, collection, report):
    document_model = get_document_model()
    # The title names the municipality and the lookup is by collection too, so no two municipalities share a
    # file and each municipality's editors find theirs in their own collection.
    doc_title = f"Eksempel: {title}, {municipality.name} (PDF)"
    existing = document_model.objects.filter(title=doc_title, collection=collection).first()
    if existing is not None:
        return existing
    pdf = simple_pdf(
        [
            municipality.name,
            title,
            f"Fokus: {focus}",
            "",
            "EKSEMPEL - opfundet til demonstration af platformen.",
            "Dokumentet er ikke en rigtig kommunes strategi.",
        ]
    )
    document = document_model(title=doc_title, collection=collection)
    document.file.save(f"eksempel-strategi-{municipality.code}.pdf", ContentFile(pdf), save=False)
    document.save()
    report.count_created(True)
    return document


def _publish_new(parent, page, publish, report):
    with transaction.atomic():
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
    report.count_created(True)
    report.detail(f"side oprettet: {page.url_path}{'' if publish else ' (kladde)'}")
    return page


def _strategy(
    member, municipality, focus, status, palette, themes, organisations, shared, contact, collection, number, report
):
    slug = "strategi-for-groen-kultur"
    existing = member.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    published = focus != "draft"
    focus = focus if published else "natur og kultur i lokalsamfundet"
    start = 2024 + number % 3
    title = f"Strategi for grøn kultur {start}–{start + 4}"
    page = StrategyPage(
        slug=slug,
        title=title,
        live=published,
        is_example=True,
        municipality=municipality,
        status=status,
        adopted_on=datetime.date(start - 1, 3 + number % 9, 10 + number) if status != "under-udarbejdelse" else None,
        period_start=start,
        period_end=start + 4,
        intro=f"Eksempel: en opfundet strategi for {municipality.name} med fokus på {focus}.",
        vision=(
            f"I {municipality.short_name} er kulturlivet et sted, hvor borgerne mødes om den grønne omstilling – "
            f"med {focus} som vores særlige styrke. (Eksempeltekst.)"
        ),
        goals=(
            "<ul><li>Flere borgere deltager i grønne kulturfællesskaber.</li>"
            "<li>Kulturinstitutionerne nedbringer deres klimaaftryk.</li>"
            "<li>Børn og unge møder klima og natur gennem kunst og kultur.</li></ul>"
        ),
        body=[
            ("heading", {"text": "Baggrund", "level": "h2"}),
            (
                "paragraph",
                f"<p>Strategien er et opfundet eksempel. Den viser, hvordan {municipality.name} kunne samle "
                f"biblioteker, museer, kulturhuse og foreninger om {focus}.</p>",
            ),
            (
                "goal",
                {
                    "goal": "Flere borgere deltager i grønne kulturfællesskaber",
                    "description": "Fællesskaberne skal findes i alle dele af kommunen.",
                    "indicator": "Antal deltagere i grønne arrangementer",
                    "target": f"{2 + number % 4}.000 deltagere om året i {start + 3}",
                },
            ),
            (
                "goal",
                {
                    "goal": "Kulturinstitutionerne nedbringer deres klimaaftryk",
                    "description": "",
                    "indicator": "CO2e fra energi og transport",
                    "target": f"{20 + 5 * (number % 4)} % mindre i {start + 4} end i {start - 1}",
                },
            ),
            (
                "quote",
                {"quote": "Kulturen kan gøre omstillingen til noget, vi gør sammen.", "attribution": "Eksempelcitat"},
            ),
        ],
        contact=contact,
        # A third of the strategies have a photo (drawn, like every demo image); the rest show the designed
        # fallback in their first theme's colour, as a page without an editor's photo does.
        hero_image=get_image_model().objects.filter(title=IMAGE_TITLES[palette]).first() if number % 3 == 2 else None,
        hero_image_alt="",
        document=_strategy_pdf(municipality, title, focus, collection, report) if published else None,
        partners=[*organisations[:3], shared[number % 2]],
    )
    page.themes.add(*themes)
    if number % 2 == 0:
        page.other_plans.add(StrategyLink(title="Klimaplan (eksempel på link)", url="https://example.org/klimaplan"))
    return _publish_new(member, page, published, report)


def _action_plan(member, strategy, municipality, themes, organisations, shared, number, report):
    slug = "handlingsplan"
    if member.get_children().filter(slug=slug).exists():
        return
    count = actions_per_plan(number)
    first = sum(actions_per_plan(n) for n, row in enumerate(DEMO_MUNICIPALITIES[:number]) if row[3] and row[1])
    page = ActionPlanPage(
        slug=slug,
        title=f"Handlingsplan {strategy.period_start}–{strategy.period_start + 1}",
        is_example=True,
        strategy=strategy,
        period_start=strategy.period_start,
        period_end=strategy.period_start + 1,
        intro=f"Eksempel: opfundne handlinger, der udmønter strategien for grøn kultur i {municipality.name}.",
        contact=strategy.contact,
    )
    page.themes.add(*themes)
    actions = []
    for position in range(count):
        title, description, indicator, target, responsible, action_themes = ACTIONS[(first + position) % len(ACTIONS)]
        start = datetime.date(strategy.period_start, 1 + (position * 2) % 12, 1)
        action = Action(
            title=title,
            description=f"{description} (Eksempel.)",
            status=ACTION_STATUSES[(number + position) % len(ACTION_STATUSES)],
            start_date=start,
            end_date=start.replace(year=start.year + 1),
            responsible=organisations[responsible],
            partners=[organisations[(responsible + 1) % len(organisations)], shared[position % 2]],
            budget=(position + 1) * 75_000 if position % 3 != 2 else None,
            indicator=indicator,
            target=target,
            sort_order=position,
        )
        action.themes.add(*Theme.objects.filter(name__in=action_themes))
        actions.append(action)
    page.actions = actions
    _publish_new(member, page, True, report)
