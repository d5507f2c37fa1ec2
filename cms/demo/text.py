"""Texts for the demo's standard pages. Facts about the network come from KL's description of it."""

from wagtail.rich_text import RichText


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
        "<li>Et fælles vidensgrundlag her på sitet, hvor kommunerne deler deres strategier og "
        "handlingsplaner.</li></ul>"
    ),
    heading("Møderne i 2024"),
    paragraph(
        "<ul><li>5. februar 2024 i KL-huset, København</li><li>20. juni 2024 i Aarhus</li>"
        "<li>10. september 2024 på Fyn</li></ul>"
    ),
]

MEMBERSHIP_BODY = [
    heading("Pris og vilkår"),
    paragraph(
        "<p>Medlemskabet koster <b>7.000 kr. ekskl. moms</b>. Beløbet faktureres efter det første møde.</p>"
        "<p>Kommunen udpeger ét fast medlem af netværket. Det faste medlem kan tage en ledsager med til "
        "hvert møde.</p>"
    ),
    heading("Det får I som medlem"),
    paragraph(
        "<ul><li>Deltagelse i netværkets tre årlige møder med oplæg, cases og workshops.</li>"
        "<li>Mulighed for at præsentere kommunens strategi, handlingsplan og refleksioner på den "
        "offentlige konference ved årets slutning.</li>"
        "<li>Kommunens egen side her på sitet, hvor jeres strategi og handlingsplaner deles med andre "
        "kommuner, kulturinstitutioner og borgere.</li></ul>"
    ),
]

ACCESSIBILITY_BODY = [
    heading("Vores mål"),
    paragraph(
        "<p>Sitet skal kunne bruges af alle. Vi arbejder efter standarden WCAG 2.1 på niveau AA, som "
        "offentlige myndigheders websteder skal følge efter lov om tilgængelighed af offentlige organers "
        "websteder og mobilapplikationer.</p>"
    ),
    heading("Det har vi gjort"),
    paragraph(
        "<ul><li>Alle sider har et link, der springer direkte til indholdet, og kan bruges med tastatur "
        "alene.</li><li>Siderne kan forstørres til 200 % og læses på smalle skærme ned til 320 pixel.</li>"
        "<li>Billeder har alternativ tekst, og kortet over Danmark har en tabel med de samme oplysninger."
        "</li><li>Siderne testes automatisk for tilgængelighed, hver gang koden ændres.</li>"
        "<li>Sitet bruger ingen sporing og ingen cookies til statistik.</li></ul>"
    ),
    heading("Kontakt os"),
    paragraph(
        "<p>Oplever du problemer med tilgængeligheden, så skriv til os på den adresse, der står i "
        "sidefoden. Du kan også klage til Digitaliseringsstyrelsen, som fører tilsyn med "
        "tilgængeligheden af offentlige websteder.</p>"
    ),
]
