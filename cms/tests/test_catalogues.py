"""The committed .mo files are the compiled form of their .po files, so a clean clone shows every translation."""

import gettext
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
# No query is made, but the session's autouse fixtures serialize the test database, so it must exist.
pytestmark = pytest.mark.django_db
CATALOGUES = sorted(path for path in ROOT.glob("*/*locale/*/LC_MESSAGES/*.po") if ".venv" not in path.parts)


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_compiled_catalogue_matches_its_source(po_path):
    with po_path.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    missing = [
        entry.msgid
        for entry in polib.pofile(str(po_path)).translated_entries()
        if not entry.msgid_plural
        and compiled.get(entry.msgid if not entry.msgctxt else f"{entry.msgctxt}\x04{entry.msgid}") != entry.msgstr
    ]
    assert missing == [], f"{po_path.name} is newer than its .mo: run `make messages` or msgfmt ({missing[:5]})"
