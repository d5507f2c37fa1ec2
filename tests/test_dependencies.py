"""The apps depend on each other in one direction only, as docs/conventions.md draws it.

- `security ← cms ← directory ← strategies ← cases`: an app imports only apps to its left (`security`, the
  admin hardening, imports no app of the project).
- `api` and `participation` sit on top: they may use the apps below, and no other app imports them.
- Every app may use `search.documents` and nothing else of `search` (the rest of search imports cms, so
  more would be a cycle); `search.documents` itself imports no app of the project.
- `search` knows no concrete page type: it never imports directory, strategies or cases (it may read cms's
  reference data: municipalities, regions, themes).
- Production code never imports the demo package `cms.demo`.

Read from the source with `ast`, so a function-local import counts as much as one at the top. Tests,
migrations and the demo loaders (`demo.py`, `cms/demo/`, the `load_demo` command) are left out: demo content
may use every app.
"""

import ast
from pathlib import Path

import pytest

# No query is made, but the session's autouse fixtures serialize the test database, so it must exist.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["security", "cms", "directory", "strategies", "cases"]
TOP_APPS = {"api", "participation"}
SEARCH_CONTRACT = "search.documents"
PAGE_TYPE_APPS = {"directory", "strategies", "cases"}
PROJECT_APPS = {*ORDER, "search", *TOP_APPS}


def production_modules(root, app):
    for path in sorted((root / app).rglob("*.py")):
        parts = path.relative_to(root).parts
        if "tests" in parts or "migrations" in parts or path.name in ("demo.py", "load_demo.py"):
            continue
        if parts[:2] == ("cms", "demo"):
            continue
        yield path


def imported_modules(path):
    """Every module the file imports, absolute names only (a relative import stays inside its app)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # `from search import documents` names the module in the alias.
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def within(module, package):
    return module == package or module.startswith(package + ".")


def problems_with(root):
    """What breaks the dependency rules in the project below root, one line per import."""
    problems = []
    for app in sorted(PROJECT_APPS):
        later = ORDER[ORDER.index(app) + 1 :] if app in ORDER else []
        for path in production_modules(root, app):
            name = path.relative_to(root)
            is_contract = path.relative_to(root / app).parts == ("documents.py",) and app == "search"
            for module in imported_modules(path):
                top = module.split(".")[0]
                if within(module, "cms.demo"):
                    problems.append(f"{name} imports the demo package ({module})")
                elif top in later:
                    problems.append(f"{name} imports {module}, an app to its right")
                elif top in TOP_APPS and top != app:
                    problems.append(f"{name} imports {module}; nothing imports {top}")
                elif app != "search" and top == "search" and not within(module, SEARCH_CONTRACT):
                    problems.append(f"{name} imports {module}; apps use only {SEARCH_CONTRACT}")
                elif app == "search" and top in PAGE_TYPE_APPS:
                    problems.append(f"{name} imports {module}; search knows no concrete page type")
                elif is_contract and top in PROJECT_APPS and not within(module, SEARCH_CONTRACT):
                    problems.append(f"{name} imports {module}; {SEARCH_CONTRACT} imports no app")
    return problems


def test_the_project_keeps_the_dependency_rules():
    assert problems_with(ROOT) == []


def test_every_app_is_checked():
    """A new app must be placed in the order (or in these rules) before it can pass unchecked."""
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps == PROJECT_APPS


def write(root, relative, source):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")


@pytest.mark.parametrize(
    ("relative", "source", "problem"),
    [
        ("cms/home.py", "from strategies.models import StrategyPage\n", "cms/home.py imports strategies.models"),
        (
            "directory/views.py",
            "def f():\n    from cases.models import CasePage\n",
            "directory/views.py imports cases.models.CasePage, an app to its right",
        ),
        ("strategies/feeds.py", "import cases.models\n", "strategies/feeds.py imports cases.models"),
        ("cases/views.py", "from search.pipeline import search\n", "apps use only search.documents"),
        ("cms/models.py", "from search import views\n", "cms/models.py imports search.views"),
        ("search/views.py", "from strategies.models import StrategyPage\n", "search knows no concrete page type"),
        ("search/params.py", "from directory.models import Person\n", "search knows no concrete page type"),
        ("search/documents.py", "from cms.models import Theme\n", "search.documents imports no app"),
        ("strategies/permissions.py", "from cms.demo import MUNICIPAL_GROUP\n", "imports the demo package"),
        ("search/views.py", "import cms.demo.base\n", "imports the demo package"),
    ],
)
def test_a_violation_is_found(tmp_path, relative, source, problem):
    write(tmp_path, relative, source)
    found = problems_with(tmp_path)
    assert len(found) == 1
    assert problem in found[0]


@pytest.mark.parametrize(
    ("relative", "source"),
    [
        ("cases/views.py", "from strategies.models import StrategyPage\nfrom cms.models import Theme\n"),
        ("strategies/search.py", "from search.documents import Kind, page_document\n"),
        ("cms/models.py", "from search import documents\n"),
        ("search/params.py", "from cms.models import Municipality\n"),
        ("search/documents.py", "from django.db import models\n"),
        ("cases/demo.py", "from cms.demo import add_menu_link\n"),
        ("cms/demo/base.py", "from cases.models import CasePage\n"),
        ("strategies/tests/test_x.py", "from cases.models import CasePage\n"),
        ("cms/models/pages.py", "from .themes import ThemedPageMixin\n"),
    ],
)
def test_what_the_rules_allow_passes(tmp_path, relative, source):
    write(tmp_path, relative, source)
    assert problems_with(tmp_path) == []


def test_the_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("def f():\n    from cases.models import CasePage\n", encoding="utf-8")
    assert list(imported_modules(module)) == ["cases.models.CasePage"]
