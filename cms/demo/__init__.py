"""Demo content for the site-wide parts: home page, standard pages, settings, themes and users."""

from django.contrib.auth.models import Group

from cms.geodata import seed_themes, sync_municipalities
from cms.models import (
    HomePage,
    Municipality,
    NavigationSettings,
    Region,
    SiteSettings,
    StandardPage,
    Theme,
    ThemeIndexPage,
)
from cms.permissions import KL_EDITORS_GROUP, ensure_kl_editors_group, municipal_group_name

from .base import ensure_child_page, ensure_collection, ensure_home_page, ensure_user
from .images import get_or_create_demo_image
from .text import ABOUT_BODY, ACCESSIBILITY_BODY, HOME_BODY, MEMBERSHIP_BODY

# The two municipalities whose demo editors are created here; the strategies app gives
# them their pages and rights.
DEMO_MUNICIPAL_EDITORS = [
    ("redaktoer-aarhus", "Aarhus", "Anna", "Aarhus-redaktør"),
    ("redaktoer-odense", "Odense", "Omar", "Odense-redaktør"),
]


def load(report):
    report.step("Kommuner, regioner og temaer")
    sync_municipalities(Region, Municipality)
    seed_themes(Theme)
    report.detail(
        f"{Municipality.objects.count()} kommuner, {Region.objects.count()} regioner, {Theme.objects.count()} temaer"
    )

    report.step("Billeder")
    collection = ensure_collection("Demo")
    hero = get_or_create_demo_image("Eksempelbillede: eng ved kulturhuset", "eng", 1, collection, report)
    for title, palette, seed in (
        ("Eksempelbillede: kyst", "kyst", 2),
        ("Eksempelbillede: skov", "skov", 3),
        ("Eksempelbillede: by", "by", 4),
        ("Eksempelbillede: hede", "hede", 5),
    ):
        get_or_create_demo_image(title, palette, seed, collection, report)

    report.step("Sidetræ")
    home, home_created = ensure_home_page(
        HomePage,
        report,
        title="Grønne partnerskaber mellem kommuner og kulturliv",
        intro=(
            "KL's netværk klæder kommunerne på til at arbejde med den grønne omstilling i det lokale "
            "kulturliv – og hjælper kulturinstitutionerne med at blive klimavenlige og understøtte grøn "
            "dannelse og grønt medborgerskab."
        ),
        hero_image=hero,
        hero_image_alt="Tegnet landskab med grøn eng, bakker og sol",
        body=HOME_BODY,
    )
    about, _ = ensure_child_page(
        home,
        StandardPage,
        "om-netvaerket",
        report,
        title="Om netværket",
        intro="Et netværk for kommuner, der vil styrke den grønne omstilling i og gennem kulturlivet.",
        body=ABOUT_BODY,
    )
    membership, _ = ensure_child_page(
        home,
        StandardPage,
        "medlemskab",
        report,
        title="Medlemskab",
        intro="Sådan bliver din kommune medlem af netværket, og det får I ud af det.",
        body=MEMBERSHIP_BODY,
    )
    accessibility, _ = ensure_child_page(
        home,
        StandardPage,
        "tilgaengelighedserklaering",
        report,
        title="Tilgængelighedserklæring",
        intro="Sådan arbejder vi for, at alle kan bruge sitet.",
        body=ACCESSIBILITY_BODY,
        show_in_menus=False,
    )

    themes_page, _ = ensure_child_page(
        home,
        ThemeIndexPage,
        "temaer",
        report,
        title="Temaer",
        intro="Netværkets temaer samler strategier, handlinger, cases og workshops på tværs af kommunerne.",
    )

    if home_created:
        home.featured = [
            ("item", {"page": about, "title": "", "text": ""}),
            (
                "item",
                {
                    "page": membership,
                    "title": "Bliv medlem af netværket",
                    "text": "Tre netværksmøder om året og en offentlig konference – for 7.000 kr. ekskl. moms.",
                },
            ),
        ]
        home.save_revision().publish()

    report.step("Indstillinger og navigation")
    site = home.get_site()
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.organisation_name = "KL – Kommunernes Landsforening"
        site_settings.address = "Weidekampsgade 10\n2300 København S"
        site_settings.contact_email = "kl@kl.dk"
        site_settings.contact_phone = "33 70 33 70"
        site_settings.footer_text = (
            "<p>Netværket drives af KL. Indholdet på sitet er skrevet af medlemskommunerne og KL. "
            "Eksempelindhold er markeret som eksempel.</p>"
        )
        site_settings.save()
    add_menu_link(site, themes_page)
    add_menu_link(site, about)
    add_menu_link(site, membership)
    add_menu_link(site, about, menu="footer_links")
    add_menu_link(site, accessibility, menu="footer_links")

    report.step("Brugere og grupper")
    ensure_kl_editors_group()
    ensure_user(
        report,
        "admin",
        first_name="Ada",
        last_name="Administrator",
        email="admin@example.org",
        superuser=True,
    )
    ensure_user(
        report,
        "kl-redaktoer",
        first_name="Karen",
        last_name="KL-redaktør",
        email="kl-redaktoer@example.org",
        groups=[KL_EDITORS_GROUP],
    )
    for username, short_name, first_name, last_name in DEMO_MUNICIPAL_EDITORS:
        municipality = Municipality.objects.get(short_name=short_name)
        Group.objects.get_or_create(name=municipal_group_name(municipality))
        ensure_user(
            report,
            username,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@example.org",
            groups=[municipal_group_name(municipality)],
        )


def add_menu_link(site, page, menu="main_menu", position=None):
    """Add a page to a menu once; later runs and editors' own changes are left alone."""
    navigation = NavigationSettings.for_site(site)
    stream = getattr(navigation, menu)
    if any(block.value.get("page") and block.value["page"].pk == page.pk for block in stream):
        return False
    item = ("link", {"page": page, "url": "", "title": ""})
    if position is None:
        stream.append(item)
    else:
        stream.insert(position, item)
    navigation.save()
    return True
