"""Loading Denmark's regions and municipalities from the CSV kept in cms/data/."""

import csv
from pathlib import Path

from django.utils.text import slugify

MUNICIPALITIES_CSV = Path(__file__).resolve().parent / "data" / "municipalities.csv"
EXPECTED_COLUMNS = {
    "code",
    "name",
    "short_name",
    "region_code",
    "region_name",
    "population",
    "population_year",
}


def read_rows(path=MUNICIPALITIES_CSV):
    """The CSV's rows as dictionaries, checked for the columns the loader needs."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = EXPECTED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path} mangler kolonnerne: {', '.join(sorted(missing))}")
        return list(reader)


def sync_municipalities(region_model, municipality_model, path=MUNICIPALITIES_CSV):
    """Create or update every region and municipality in the CSV; returns (created, updated).

    Takes the model classes as arguments so a data migration can pass its historical models.
    Rows are matched on their official code, so renaming a municipality updates it in place.
    """
    rows = read_rows(path)
    regions = {}
    for row in rows:
        code = int(row["region_code"])
        if code not in regions:
            region, _created = region_model.objects.update_or_create(
                code=code,
                defaults={
                    "name": row["region_name"],
                    "slug": slugify(row["region_name"], allow_unicode=True),
                },
            )
            regions[code] = region
    existing = {m.code: m for m in municipality_model.objects.all()}
    created = updated = 0
    for row in rows:
        code = int(row["code"])
        values = {
            "name": row["name"],
            "short_name": row["short_name"],
            "slug": slugify(row["short_name"], allow_unicode=True),
            "region": regions[int(row["region_code"])],
            "population": int(row["population"]) if row["population"] else None,
            "population_year": int(row["population_year"]) if row["population_year"] else None,
        }
        current = existing.get(code)
        if current is None:
            municipality_model.objects.create(code=code, **values)
            created += 1
        elif any(getattr(current, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(current, key, value)
            current.save()
            updated += 1
    return created, updated


# The network's own themes, seeded on every installation; editors can add more.
SEED_THEMES = [
    ("grønt medborgerskab", "Borgere, der tager del i og ansvar for den grønne omstilling lokalt.", "green"),
    ("grøn dannelse", "Kulturlivets bidrag til viden, værdier og handlekraft i klimakrisen.", "teal"),
    ("tværgående samarbejde", "Samarbejde på tværs af forvaltninger, institutioner og sektorer.", "blue"),
    ("samskabelse", "Løsninger, der skabes sammen med borgere, foreninger og virksomheder.", "purple"),
    (
        "klimavenlig drift af kulturinstitutioner",
        "Energi, transport, indkøb og affald i bibliotekernes, museernes og spillestedernes drift.",
        "orange",
    ),
    ("natur og biodiversitet", "Kulturlivets arbejde med natur, biodiversitet og landskab.", "brown"),
    ("cirkulær omstilling", "Genbrug, deling og cirkulære materialestrømme i kulturlivet.", "red"),
]


def seed_themes(theme_model):
    """Create the network's themes if they are missing; never overwrite an editor's changes."""
    created = 0
    for position, (name, description, colour) in enumerate(SEED_THEMES, start=1):
        if theme_model.objects.filter(name__iexact=name).exists():
            continue
        theme_model.objects.create(
            name=name,
            slug=slugify(name, allow_unicode=True),
            description=description,
            colour=colour,
            sort_order=position * 10,
        )
        created += 1
    return created
