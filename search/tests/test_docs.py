"""docs/search.md stays true to the code: its page-type example is the model's own code, and its shell example runs."""

import inspect
import re

from django.conf import settings

import pytest

from cms.models import StandardPage

DOC = settings.BASE_DIR / "docs" / "search.md"


def python_blocks():
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_documented_page_type_example_is_the_code():
    example = next(block for block in python_blocks() if "def search_documents" in block)
    assert example.strip() == inspect.getsource(StandardPage.search_documents).strip()


@pytest.mark.django_db
def test_the_documented_shell_example_runs(home_page):
    page = StandardPage(title="Om netværket", slug="om", intro="Kort om netværket.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    example = next(block for block in python_blocks() if "StandardPage.objects" in block)
    lines = example.strip().splitlines()
    namespace = {}
    exec("\n".join(lines[:-1]), namespace)  # noqa: S102 - our own documentation
    result = eval(lines[-1], namespace)  # noqa: S307 - our own documentation
    assert result[0][:3] == (f"page:{page.pk}", "page", "Side")
