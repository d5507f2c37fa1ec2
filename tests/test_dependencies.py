"""The apps depend on each other in one direction only: cms ← directory ← strategies ← cases.

Read from the source with `ast`, so a function-local import counts as much as one at the top. Tests,
migrations and the demo loaders are left out (demo content may use every app); production code never
imports the demo package.
"""

import ast
from pathlib import Path

import pytest

# No query is made, but the session's autouse fixtures serialize the test database, so it must exist.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["security", "cms", "directory", "strategies", "cases"]


def production_modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts or path.name == "demo.py" or parts[:2] == ("cms", "demo"):
            continue
        if path.name == "load_demo.py":
            continue
        yield path


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_apps_import_only_apps_before_them_and_never_the_demo_package():
    problems = []
    for position, app in enumerate(ORDER):
        later = ORDER[position + 1 :]
        for path in production_modules(app):
            for module in imported_modules(path):
                top = module.split(".")[0]
                if top in later:
                    problems.append(f"{path.relative_to(ROOT)} imports {module}")
                if module == "cms.demo" or module.startswith("cms.demo."):
                    problems.append(f"{path.relative_to(ROOT)} imports the demo package ({module})")
    assert problems == []


def test_the_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("def f():\n    from cases.models import CasePage\n", encoding="utf-8")
    assert list(imported_modules(module)) == ["cases.models"]
