"""Demo content for meetings, cases, workshop outputs, the conference and the network's speakers.

Facts: the three 2024 meetings (dates and places) and the five speakers with their public roles
come from KL's description of the network. Everything else (programmes, cases, workshop outputs,
the 2027 meeting and the conference) is invented and marked as an example, and its talks are given
only by invented people ("… Eksempel"): a real person is never attached to an invented talk, case
or quote. The real speakers are directory entries with their public roles, no photo and no contact
details, and are presented on "Om netværket" (cms.demo.text.SPEAKERS).
"""

import datetime

from wagtail.rich_text import RichText

from cms.demo import add_menu_link
from cms.demo.base import ensure_child_page, ensure_collection
from cms.demo.images import get_or_create_demo_image
from cms.demo.text import SPEAKERS
from cms.models import HomePage, Municipality, StandardPage, Theme
from directory.models import Organisation, Person
from strategies.models import ActionPlanPage, StrategyPage

from .models import (
    CaseMunicipality,
    CaseOrganisation,
    CasePage,
    ConferencePage,
    MeetingIndexPage,
    MeetingPage,
    WorkshopFacilitator,
    WorkshopOutputPage,
)

# Invented people for the example cases and workshops; clearly named as examples.
EXAMPLE_PEOPLE = [
    {
        "name": "Mette Eksempel",
        "job_title": "Kulturkonsulent (eksempelperson)",
        "organisation_name": "Aarhus Kommune",
        "bio": "En opfundet person til demonstration af platformen.",
        "work_email": "mette.eksempel@example.org",
    },
    {
        "name": "Jonas Eksempel",
        "job_title": "Bibliotekar (eksempelperson)",
        "organisation_name": "Odense Kommune",
        "bio": "En opfundet person til demonstration af platformen.",
        "work_email": "jonas.eksempel@example.org",
    },
    {
        "name": "Sara Eksempel",
        "job_title": "Netværkskoordinator (eksempelperson)",
        "organisation_name": "KL",
        "bio": "En opfundet person til demonstration af platformen.",
    },
]

EXAMPLE_ORGANISATIONS = [
    ("Hovedbiblioteket (eksempel)", Organisation.Kind.LIBRARY, "Aarhus"),
    ("Kulturhuset ved havnen (eksempel)", Organisation.Kind.CULTURE_HOUSE, "Aarhus"),
    ("Byens spillested (eksempel)", Organisation.Kind.VENUE, "Odense"),
]

EXAMPLE_PROGRAMME_NOTE = (
    "<p><b>Programmet på denne side er et eksempel</b>, lavet til at vise platformen. Mødets dato og sted er "
    "rigtige; programpunkter og tidspunkter er ikke mødets faktiske program.</p>"
)


def load(report):
    report.step("Netværksmøder, cases og konference")
    home = HomePage.objects.first()
    if home is None:
        report.detail("ingen forside: springer over")
        return
    people = {spec["name"]: ensure_person(report, spec) for spec in SPEAKERS + EXAMPLE_PEOPLE}
    organisations = {name: ensure_organisation(report, name, kind, town) for name, kind, town in EXAMPLE_ORGANISATIONS}
    collection = ensure_collection("Demo")
    images = {
        palette: get_or_create_demo_image(title, palette, seed, collection, report)
        for title, palette, seed in (
            ("Eksempelbillede: by", "by", 4),
            ("Eksempelbillede: skov", "skov", 3),
            ("Eksempelbillede: kyst", "kyst", 2),
        )
    }
    membership = StandardPage.objects.child_of(home).filter(slug="medlemskab").first()

    index, _created = ensure_child_page(
        home,
        MeetingIndexPage,
        "netvaerksmoeder",
        report,
        title="Netværksmøder",
        intro=(
            "Netværket mødes tre gange om året med oplæg, cases og workshops. Her finder du programmer, "
            "cases og resultater fra møderne."
        ),
        membership_page=membership,
    )

    build_meeting(
        index,
        report,
        slug="februar-2024",
        title="Netværksmøde 5. februar 2024",
        intro="Netværkets første møde i 2024 blev holdt i KL-huset i København.",
        date=datetime.date(2024, 2, 5),
        venue_name="KL-huset",
        venue_address="Weidekampsgade 10\n2300 København S",
        city="København",
        practical_info=EXAMPLE_PROGRAMME_NOTE,
        themes=["grøn dannelse", "samskabelse"],
        programme=[
            item("10.00", "Velkomst og præsentationsrunde (eksempel)", "netvaerk"),
            item(
                "10.30",
                "Klima og biodiversitet: hvad kan kulturlivet? (eksempel)",
                "oplaeg",
                speakers=[people["Sara Eksempel"]],
            ),
            item("11.30", "Erfaringsudveksling mellem medlemskommunerne (eksempel)", "netvaerk"),
            item("12.15", "Frokost", "pause"),
            item("13.00", "Case: Reparationscafé på biblioteket (eksempel)", "case", link="reparationscafe"),
            item("14.00", "Workshop: Biblioteket som grønt mødested (eksempel)", "workshop", link="groent-moedested"),
        ],
        children=[
            lambda meeting: ensure_case(
                meeting,
                report,
                slug="reparationscafe",
                title="Eksempel: Reparationscafé på biblioteket",
                intro=(
                    "Et eksempel på, hvordan et bibliotek kan invitere borgere til at reparere i stedet for at "
                    "købe nyt."
                ),
                municipalities=["Aarhus"],
                organisations=[organisations["Hovedbiblioteket (eksempel)"]],
                contact=people["Mette Eksempel"],
                themes=["cirkulær omstilling", "grønt medborgerskab"],
                image=images["by"],
            ),
            lambda meeting: ensure_workshop(
                meeting,
                report,
                slug="groent-moedested",
                title="Eksempel: Biblioteket som grønt mødested",
                question="Hvordan kan biblioteket blive et sted, hvor borgere mødes om den grønne omstilling?",
                facilitators=[people["Sara Eksempel"]],
                themes=["grønt medborgerskab", "samskabelse"],
                poster=images["skov"],
            ),
        ],
    )
    build_meeting(
        index,
        report,
        slug="juni-2024",
        title="Netværksmøde 20. juni 2024",
        intro="Netværkets andet møde i 2024 blev holdt i Aarhus.",
        date=datetime.date(2024, 6, 20),
        city="Aarhus",
        practical_info=EXAMPLE_PROGRAMME_NOTE,
        themes=["tværgående samarbejde"],
        programme=[
            item(
                "10.00",
                "Kulturforvaltningen som tovholder på grønne partnerskaber (eksempel)",
                "oplaeg",
                speakers=[people["Mette Eksempel"]],
            ),
            item(
                "11.00",
                "Biblioteket som lokalt grønt mødested (eksempel)",
                "oplaeg",
                speakers=[people["Jonas Eksempel"]],
            ),
            item("12.00", "Frokost og netværk", "pause"),
            item("13.00", "Case: En klimavenlig byfestival (eksempel)", "case", link="klimavenlig-festival"),
            item("14.00", "Debat: Hvem har ansvaret for den grønne kultur? (eksempel)", "debat"),
        ],
        children=[
            lambda meeting: ensure_case(
                meeting,
                report,
                slug="klimavenlig-festival",
                title="Eksempel: En klimavenlig byfestival",
                intro="Et eksempel på, hvordan en kommune og et spillested kan skære ned på festivalens klimaaftryk.",
                municipalities=["Odense"],
                organisations=[organisations["Byens spillested (eksempel)"]],
                contact=people["Jonas Eksempel"],
                themes=["klimavenlig drift af kulturinstitutioner"],
                image=images["kyst"],
            ),
        ],
    )
    build_meeting(
        index,
        report,
        slug="september-2024",
        title="Netværksmøde 10. september 2024",
        intro="Netværkets tredje møde i 2024 blev holdt på Fyn.",
        date=datetime.date(2024, 9, 10),
        city="Fyn",
        practical_info=EXAMPLE_PROGRAMME_NOTE,
        themes=["natur og biodiversitet"],
        programme=[
            item(
                "10.00",
                "Klimaregnskab for et kulturhus: sådan kom vi i gang (eksempel)",
                "oplaeg",
                speakers=[people["Mette Eksempel"]],
            ),
            item(
                "11.00",
                "Workshop: Næste skridt for kulturinstitutionerne (eksempel)",
                "workshop",
                link="naeste-skridt",
            ),
            item("12.30", "Frokost og netværk", "netvaerk"),
        ],
        children=[
            lambda meeting: ensure_workshop(
                meeting,
                report,
                slug="naeste-skridt",
                title="Eksempel: Næste skridt for kulturinstitutionerne",
                question="Hvilke tre ting kan en kulturinstitution gøre i morgen for at mindske sit klimaaftryk?",
                facilitators=[people["Sara Eksempel"], people["Jonas Eksempel"]],
                themes=["klimavenlig drift af kulturinstitutioner"],
                poster=images["kyst"],
            ),
        ],
    )
    build_meeting(
        index,
        report,
        slug="februar-2027",
        title="Netværksmøde februar 2027 (eksempel)",
        intro="Et opfundet kommende møde, der viser, hvordan et planlagt møde ser ud på sitet.",
        date=datetime.date(2027, 2, 4),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(15, 30),
        venue_name="KL-huset",
        venue_address="Weidekampsgade 10\n2300 København S",
        city="København",
        is_example=True,
        practical_info=(
            "<p>Et eksempel på praktisk information: tilmelding senest to uger før mødet. Mødet holdes i "
            "lokaler med niveaufri adgang og teleslynge.</p>"
        ),
        themes=["grøn dannelse"],
        programme=[
            item("10.00", "Velkomst", "netvaerk"),
            item("10.15", "Oplæg om årets tema", "oplaeg", speakers=[people["Sara Eksempel"]]),
            item("12.00", "Frokost", "pause"),
            item("13.00", "Workshop om næste års konference", "workshop"),
        ],
        children=[],
    )

    conference = ensure_conference(home, report, people)
    site = home.get_site()
    add_menu_link(site, index, position=1)
    add_menu_link(site, conference, position=2)


def ensure_person(report, spec):
    defaults = {key: value for key, value in spec.items() if key != "name"}
    person, created = Person.objects.get_or_create(name=spec["name"], defaults=defaults)
    if report.count_created(created):
        report.detail(f"person oprettet: {person.name}")
    return person


def ensure_organisation(report, name, kind, town):
    municipality = Municipality.objects.get(short_name=town)
    organisation, created = Organisation.objects.get_or_create(
        name=name,
        municipality=municipality,
        defaults={"kind": kind, "description": "En opfundet organisation til demonstration af platformen."},
    )
    report.count_created(created)
    return organisation


def item(time, title, kind, speakers=(), link=None, description=""):
    hours, minutes = (int(part) for part in time.split("."))
    return {
        "time": datetime.time(hours, minutes),
        "title": title,
        "kind": kind,
        "description": description,
        "speakers": list(speakers),
        "page": link,  # a child slug, replaced by the page once it exists
        "slides": None,
    }


def themes_named(names):
    return list(Theme.objects.filter(name__in=names))


def publish_with_themes(page, theme_names):
    page.themes.set(themes_named(theme_names))
    page.save_revision().publish()


def build_meeting(index, report, *, slug, programme, children, themes, practical_info, **fields):
    """The meeting, its children, then its programme linked to them; all only when it is new."""
    meeting, created = ensure_child_page(index, MeetingPage, slug, report, practical_info=practical_info, **fields)
    if not created:
        return meeting
    for build_child in children:
        build_child(meeting)
    by_slug = {page.slug: page for page in meeting.get_children().specific()}
    for entry in programme:
        entry["page"] = by_slug.get(entry["page"]) if entry["page"] else None
    meeting.programme = [("item", entry) for entry in programme]
    publish_with_themes(meeting, themes)
    return meeting


def case_section(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def ensure_case(meeting, report, *, slug, municipalities, organisations, contact, themes, image, **fields):
    case, created = ensure_child_page(
        meeting,
        CasePage,
        slug,
        report,
        is_example=True,
        contact_person=contact,
        municipality_links=[
            CaseMunicipality(municipality=Municipality.objects.get(short_name=name)) for name in municipalities
        ],
        organisation_links=[CaseOrganisation(organisation=organisation) for organisation in organisations],
        challenge=case_section(
            "Eksempeltekst: Kommunen ville gerne engagere flere borgere i den grønne omstilling, men de "
            "traditionelle borgermøder samlede få og de samme deltagere."
        ),
        approach=case_section(
            "Eksempeltekst: Sammen med en kulturinstitution prøvede kommunen et nyt format af, hvor borgerne "
            "mødtes om noget konkret og praktisk, med frivillige som værter."
        ),
        results=case_section(
            "Eksempeltekst: Formatet nåede nye grupper af borgere, og flere af deltagerne blev selv frivillige."
        ),
        lessons=case_section(
            "Eksempeltekst: Start småt, giv de frivillige et klart ansvar, og fortæl om resultaterne, så flere "
            "får lyst til at være med."
        ),
        images=[
            (
                "photo",
                {
                    "image": {
                        "image": image,
                        "alt_text": "Tegnet landskab med bakker og sol (eksempelbillede)",
                        "decorative": False,
                    },
                    "caption": "Eksempelbillede",
                },
            )
        ],
        **fields,
    )
    if created:
        publish_with_themes(case, themes)
    return case


def ensure_workshop(meeting, report, *, slug, facilitators, themes, poster, **fields):
    workshop, created = ensure_child_page(
        meeting,
        WorkshopOutputPage,
        slug,
        report,
        is_example=True,
        intro="Et eksempel på, hvordan resultaterne af en workshop deles med hele netværket.",
        facilitators=[WorkshopFacilitator(person=person) for person in facilitators],
        results=[
            (
                "insight",
                {
                    "title": "Borgerne kommer for det konkrete",
                    "text": RichText("<p>Deltagerne oplevede, at praktiske aktiviteter samler flere end debatter.</p>"),
                },
            ),
            (
                "idea",
                {
                    "title": "Et fælles årshjul for grønne aktiviteter",
                    "text": RichText("<p>Kulturinstitutionerne planlægger deres grønne aktiviteter sammen.</p>"),
                },
            ),
            (
                "poster",
                {
                    "image": {
                        "image": poster,
                        "alt_text": "Tegnet landskab brugt som eksempel på et foto af workshoppens plakat",
                        "decorative": False,
                    },
                    "caption": "Eksempelbillede i stedet for et foto af en plakat",
                },
            ),
        ],
        **fields,
    )
    if created:
        publish_with_themes(workshop, themes)
    return workshop


def ensure_conference(home, report, people):
    aarhus = Municipality.objects.get(short_name="Aarhus")
    odense = Municipality.objects.get(short_name="Odense")
    aarhus_strategy = presented_plan(aarhus)
    odense_plan = presented_plan(odense, action_plan=True) or presented_plan(odense)
    conference, _created = ensure_child_page(
        home,
        ConferencePage,
        "konference",
        report,
        title="Konference 2026",
        intro=(
            "På netværkets årlige konference præsenterer medlemskommunerne deres strategier, handlingsplaner og "
            "refleksioner for hinanden og for alle andre interesserede."
        ),
        is_example=True,
        date=datetime.date(2026, 12, 3),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(16, 0),
        venue_name="KL-huset",
        venue_address="Weidekampsgade 10\n2300 København S",
        city="København",
        practical_info=(
            "<p>Eksempel: Konferencen er gratis og åben for alle. Dato, tid, sted og program på denne side er "
            "opfundet til demonstration af platformen.</p>"
        ),
        programme=[
            ("item", item("09.30", "Velkomst", "netvaerk")),
            (
                "presentation",
                {
                    "time": datetime.time(10, 0),
                    "title": "Aarhus: Kulturlivet som motor i den grønne omstilling (eksempel)",
                    "municipality": aarhus,
                    "description": "Et eksempel på en præsentation af en kommunes strategi.",
                    "speakers": [people["Mette Eksempel"]],
                    "strategy": aarhus_strategy,
                    "slides": None,
                },
            ),
            (
                "presentation",
                {
                    "time": datetime.time(11, 0),
                    "title": "Odense: Grøn dannelse på bibliotekerne (eksempel)",
                    "municipality": odense,
                    "description": "Et eksempel på en præsentation af en kommunes handlingsplan.",
                    "speakers": [people["Jonas Eksempel"]],
                    "strategy": odense_plan,
                    "slides": None,
                },
            ),
            ("item", item("12.00", "Frokost", "pause")),
            ("item", item("13.00", "Debat: Hvad har vi lært i år? (eksempel)", "debat")),
        ],
    )
    return conference


def presented_plan(municipality, action_plan=False):
    """The municipality's published demo strategy (or action plan), when the strategies demo has made one."""
    if action_plan:
        return ActionPlanPage.objects.live().filter(strategy__municipality=municipality).order_by("pk").first()
    return StrategyPage.objects.live().filter(municipality=municipality).order_by("pk").first()
