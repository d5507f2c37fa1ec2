"""Texts for the demo's standard pages. Facts about the network come from KL's description of it."""

from wagtail.rich_text import RichText

# People the network's description says members can meet, with exactly the public roles KL gives them.
# Shown on "Om netværket" with those roles; the demo attaches them to no talk, case or quote.
SPEAKERS = [
    {
        "name": "Katherine Richardson",
        "job_title": "Klimaekspert og professor i biodiversitet, medlem af 2030-panelet",
        "organisation_name": "Københavns Universitet",
        "bio": "Klimaekspert, professor i biodiversitet ved Københavns Universitet og medlem af 2030-panelet.",
    },
    {
        "name": "Anne Tortzen Bager",
        "job_title": "Ph.d.",
        "organisation_name": "",
        "bio": (
            "Ph.d. og forfatter til bogen »Klima, demokrati og samskabelse – kommunen som katalysator for "
            "klimaengagementet«."
        ),
    },
    {
        "name": "Jesper Rosenberg Hansen",
        "job_title": "Professor, forsker i åben strategi og distribueret ledelse",
        "organisation_name": "Aarhus Universitet",
        "bio": (
            "Professor ved Aarhus Universitet og forsker i åben strategi og distribueret ledelse. Tilknyttet "
            "Kronprins Frederiks Center for Offentlig Ledelse, AAU."
        ),
    },
    {
        "name": "Thomas Sture Rasmussen",
        "job_title": "SDG-koordinator og leder af folkebibliotekernes netværk DB2030",
        "organisation_name": "",
        "bio": "SDG-koordinator og leder af folkebibliotekernes netværk DB2030.",
    },
    {
        "name": "Jacob Teglgaard",
        "job_title": "Stifter og medleder",
        "organisation_name": "Bæredygtigt Kulturliv NU",
        "bio": "Stifter og medleder af Bæredygtigt Kulturliv NU.",
    },
]


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(html):
    return ("paragraph", RichText(html))


HOME_BODY = [
    heading("Hvad er netværket?"),
    paragraph(
        "<p>Medlemmerne mødes tre gange om året til oplæg, cases og workshops. Året slutter med en "
        "offentlig konference, hvor medlemmerne præsenterer deres strategier, handlingsplaner og "
        "refleksioner.</p>"
        "<p>Her på sitet samler vi netværkets viden: kommunernes strategier og handlingsplaner for grøn "
        "kultur, cases fra møderne og resultaterne af workshops.</p>"
    ),
]

ABOUT_BODY = [
    heading("Formål"),
    paragraph(
        "<p>Netværket klæder kommunerne på til at arbejde med den grønne omstilling i det lokale kulturliv. "
        "Det hjælper kulturinstitutionerne med at blive klimavenlige og med at understøtte "
        "<b>grøn dannelse</b> og <b>grønt medborgerskab</b>.</p>"
    ),
    heading("Sådan arbejder netværket"),
    paragraph(
        "<ul><li>Tre netværksmøder om året med oplæg, cases og workshops.</li>"
        "<li>En offentlig konference ved årets slutning, hvor medlemmerne præsenterer strategier, "
        "handlingsplaner og refleksioner.</li>"
        "<li>Et fælles møde med KL's klimapolitiske netværk.</li>"
        "<li>Et fælles vidensgrundlag her på sitet, hvor kommunerne deler deres strategier og "
        "handlingsplaner.</li></ul>"
    ),
    heading("Mennesker, du kan møde i netværket"),
    paragraph(
        "<p>Netværket inviterer forskere og praktikere til at holde oplæg. KL nævner blandt andre:</p><ul>"
        + "".join(f"<li><b>{person['name']}</b>: {person['bio']}</li>" for person in SPEAKERS)
        + "</ul>"
    ),
    heading("Møderne i 2024"),
    paragraph(
        "<ul><li>5. februar 2024 i KL-huset, København</li><li>20. juni 2024 i Aarhus</li>"
        "<li>10. september 2024 på Fyn</li></ul>"
    ),
]

MEMBERSHIP_BODY = [
    heading("Sådan bliver din kommune medlem"),
    paragraph(
        "<ol><li>Kommunen beslutter at melde sig ind og udpeger ét fast medlem af netværket.</li>"
        "<li>Skriv til KL på den adresse, der står i sidefoden, med kommunens navn og det faste medlems navn "
        "og e-mail.</li>"
        "<li>Det faste medlem bliver inviteret til netværkets næste møde. Medlemskabet faktureres efter det "
        "første møde.</li></ol>"
    ),
    heading("Pris og vilkår"),
    paragraph(
        "<p>Medlemskabet koster <b>7.000 kr. ekskl. moms</b>. Beløbet faktureres efter det første møde.</p>"
        "<p>Kommunen udpeger ét fast medlem af netværket. Det faste medlem kan tage en ledsager med til "
        "hvert møde.</p>"
    ),
    heading("Det får I som medlem"),
    paragraph(
        "<ul><li>Deltagelse i netværkets tre årlige møder med oplæg, cases og workshops.</li>"
        "<li>Et fælles møde med KL's klimapolitiske netværk.</li>"
        "<li>Gratis deltagelse i den offentlige konference ved årets slutning, hvor I kan præsentere "
        "kommunens strategi, handlingsplan og refleksioner.</li>"
        "<li>Kommunens egen side her på sitet, hvor jeres strategi og handlingsplaner deles med andre "
        "kommuner, kulturinstitutioner og borgere.</li></ul>"
    ),
]

# Digitaliseringsstyrelsen's structure for accessibility statements (lov om tilgængelighed af offentlige organers
# websteder og mobilapplikationer): scope, compliance status, inaccessible content, how and when the statement was
# made, feedback and contact, enforcement. The method is what this project's CI really runs.
ACCESSIBILITY_BODY = [
    paragraph(
        "<p>KL er forpligtet til at gøre sit websted tilgængeligt i overensstemmelse med lov om tilgængelighed af "
        "offentlige organers websteder og mobilapplikationer. Denne tilgængelighedserklæring gælder for "
        "Grønne partnerskabers websted, på dansk og på engelsk (under /en/).</p>"
    ),
    heading("Overholdelsesstatus"),
    paragraph(
        "<p>Webstedet overholder <b>delvist</b> standarden WCAG 2.1 på niveau AA (EN 301 549) på grund af det "
        "utilgængelige indhold, der er nævnt nedenfor.</p>"
    ),
    heading("Utilgængeligt indhold"),
    heading("Manglende overholdelse af lovgivningen", "h3"),
    paragraph(
        "<ul><li>PDF-dokumenter, som kommunerne lægger på sitet (fx vedtagne strategier), er ikke nødvendigvis "
        "tilgængelige; de eksempeldokumenter, demoindholdet indeholder, er enkle PDF-filer uden struktur-"
        "mærkning. Indholdet står også som tekst på strategiens side.</li>"
        "<li>Danmarkskortet viser kommunernes status med farve og skravering. De samme oplysninger står i "
        "tabellen ved siden af kortet, og kortet kan springes over med et link.</li>"
        "<li>Den engelske udgave oversætter sitets knapper, menuer og overskrifter, men ikke indholdet, som "
        "er på dansk og er markeret som dansk.</li></ul>"
    ),
    heading("Uforholdsmæssig stor byrde", "h3"),
    paragraph("<p>Vi påberåber os ikke uforholdsmæssig stor byrde for noget indhold.</p>"),
    heading("Indhold, der ikke er omfattet af lovgivningen", "h3"),
    paragraph("<p>Dokumenter fra andre end KL og medlemskommunerne, som sitet linker til.</p>"),
    heading("Udarbejdelse af denne tilgængelighedserklæring"),
    paragraph(
        "<p>Erklæringen er udarbejdet den 28. november 2026 ved en selvevaluering, som bygger på:</p>"
        "<ul><li>Automatisk test med axe-core (WCAG 2.1 A og AA) i en rigtig browser, hver gang koden ændres, "
        "på de sider browsertestene gennemgår, i smal og bred visning.</li>"
        "<li>Validering af HTML med Nu HTML Checker på alle sider, som en gennemgang af sitets links når frem "
        "til fra forsiden, på dansk og engelsk, hver gang koden ændres.</li>"
        "<li>Kontrol af betjening med tastatur i en rigtig browser, hver gang koden ændres: på forsiden "
        "(i smal og bred visning) og på søgesiden med dens filtre trykkes der Tab fra toppen, til fokus forlader "
        "siden. Det kontrolleres, at det første tryk når linket “Gå til indhold”, at hver knap, hvert link og "
        "hvert felt nås, at rækkefølgen følger siden, og at hvert element viser en fokusmarkering med mindst "
        "3:1 i kontrast til baggrunden. På smal skærm åbnes menuen med Enter, dens links følger i rækkefølgen, "
        "og Escape lukker den og sender fokus tilbage til knappen. Linket forbi Danmarkskortet kontrolleres i "
        "en anden browsertest. Andre sider (fx formularerne) er ikke gennemgået med tastatur.</li>"
        "<li>Kontrast: alle tekstfarver i sitets farvepalet er regnet efter mod de baggrunde, de bruges på "
        "(mindst 4,5:1).</li></ul>"
        "<p>Erklæringen gennemgås, når sitet ændres væsentligt, og mindst en gang om året.</p>"
    ),
    heading("Feedback og kontaktoplysninger"),
    paragraph(
        "<p>Oplever du problemer med tilgængeligheden, eller har du brug for indhold i en anden form, så skriv "
        "til KL på den adresse, der står i sidefoden. Vi svarer så hurtigt som muligt.</p>"
    ),
    heading("Håndhævelsesprocedure"),
    paragraph(
        "<p>Du kan klage til Digitaliseringsstyrelsen, som fører tilsyn med offentlige organers websteder, "
        "hvis du ikke er tilfreds med vores svar eller mener, at webstedet ikke overholder reglerne.</p>"
    ),
]
