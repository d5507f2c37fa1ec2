"""Keep the project's Danish admin catalogue in step with the installed Wagtail.

The admin's Danish lives in `cms/admin_locale/da/LC_MESSAGES/` (django.po for the server, djangojs.po for
Wagtail's JavaScript). Its msgids are the English source strings of the packages an editor meets; each
package ships them in its English catalogue (`<package>/locale/en/LC_MESSAGES/*.po`), which lists every
msgid of the installed version. `check` compares the two and fails on anything missing, untranslated,
fuzzy or with broken placeholders; `update` adds what a new Wagtail version brought (empty, for a
translator) and marks what it dropped as obsolete.
"""

import re
from importlib import import_module
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# The packages whose strings a KL or municipal editor can meet in the admin and its e-mails.
# Not here: wagtail.locales and simple_translation (WAGTAIL_I18N_ENABLED is off), contrib.forms (no form
# pages), the style guide and table blocks (not installed or not used), django.contrib.admin and auth
# (Django's own Danish is complete and correct).
SOURCE_PACKAGES = [
    "wagtail.admin",
    "wagtail",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.snippets",
    "wagtail.users",
    "wagtail.sites",
    "wagtail.embeds",
    "wagtail.search",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "taggit",
]
DOMAINS = ["django", "djangojs"]
CATALOGUE_DIR = Path(settings.BASE_DIR) / "cms" / "admin_locale" / "da" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdi]|%[sd]|\{\w*\}")


def source_entries(domain):
    """Every (msgctxt, msgid) the installed packages use in this domain, first occurrence wins."""
    import polib  # noqa: PLC0415 (a development tool from requirements-dev.txt; the site never needs it)

    entries = {}
    for package in SOURCE_PACKAGES:
        path = Path(import_module(package).__file__).parent / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)):
            entries.setdefault((entry.msgctxt, entry.msgid), (package, entry))
    return entries


def placeholder_problems(entry):
    """Placeholders the translation drops or invents (the singular of a plural may leave out the count)."""
    if entry.msgid_plural:
        want = set(PLACEHOLDER.findall(entry.msgid_plural))
        got = set(PLACEHOLDER.findall(entry.msgstr_plural.get(1, "")))
    else:
        want = set(PLACEHOLDER.findall(entry.msgid))
        got = set(PLACEHOLDER.findall(entry.msgstr))
    return want ^ got


def is_translated(entry):
    if entry.msgid_plural:
        return all(entry.msgstr_plural.get(index) for index in (0, 1))
    return bool(entry.msgstr)


class Command(BaseCommand):
    help = "Report (check) or add (update) the Wagtail msgids the project's Danish admin catalogue lacks."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["check", "update"])

    def handle(self, *args, action, **options):
        import polib  # noqa: PLC0415 (a development tool from requirements-dev.txt; the site never needs it)

        self.stdout.write(f"Wagtail {version('wagtail')}, django-taggit {version('django-taggit')}")
        failures = 0
        for domain in DOMAINS:
            path = CATALOGUE_DIR / f"{domain}.po"
            catalogue = polib.pofile(str(path), wrapwidth=0)
            sources = source_entries(domain)
            ours = {(entry.msgctxt, entry.msgid): entry for entry in catalogue if not entry.obsolete}
            missing = [key for key in sources if key not in ours]
            obsolete = [key for key in ours if key not in sources]
            untranslated = [entry for key, entry in ours.items() if key in sources and not is_translated(entry)]
            fuzzy = [entry for key, entry in ours.items() if key in sources and "fuzzy" in entry.flags]
            broken = [entry for entry in ours.values() if is_translated(entry) and placeholder_problems(entry)]
            if action == "update":
                for key in missing:
                    _package, source = sources[key]
                    entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid, flags=list(source.flags))
                    if source.msgid_plural:
                        entry.msgid_plural = source.msgid_plural
                        entry.msgstr_plural = {0: "", 1: ""}
                    catalogue.append(entry)
                for key in obsolete:
                    ours[key].obsolete = True
                catalogue.save(str(path))
                self.stdout.write(f"{domain}.po: {len(missing)} added, {len(obsolete)} marked obsolete")
                missing = []
                untranslated += [entry for entry in catalogue if not entry.obsolete and not is_translated(entry)]
            self.stdout.write(
                f"{domain}.po: {len(sources)} msgids in use, {len(missing)} missing, {len(untranslated)} untranslated, "
                f"{len(fuzzy)} fuzzy, {len(broken)} with wrong placeholders, {len(obsolete)} no longer used"
            )
            for key in missing:
                self.stdout.write(f"  missing ({sources[key][0]}): {key[1]!r}")
            for entry in {id(entry): entry for entry in untranslated}.values():
                self.stdout.write(f"  untranslated: {entry.msgid!r}")
            for entry in fuzzy:
                self.stdout.write(f"  fuzzy: {entry.msgid!r}")
            for entry in broken:
                self.stdout.write(f"  placeholders {sorted(placeholder_problems(entry))}: {entry.msgid!r}")
            failures += len(missing) + len(untranslated) + len(fuzzy) + len(broken)
        if failures:
            raise CommandError(
                f"{failures} strings need a translator: translate them in {CATALOGUE_DIR} "
                "(`manage.py admin_messages update` adds new ones), then `make messages`."
            )
        self.stdout.write(self.style.SUCCESS("The Danish admin catalogue covers every string of these packages."))
