"""Docs are code: every example in the README and in docs/ runs or names something that exists.

- ```python blocks are executed, in a database with a published home page and a published standard page
  under it (as on the demo site, where the docs tell readers to try them). Functions they register as
  Wagtail hooks are called too, with arguments from HOOK_ARGUMENTS, so an example that only fails when
  the hook runs fails here. An indented block is an excerpt of a class (a method quoted from a model):
  it is dedented and must compile and define its functions; the app's own docs test checks that it is
  the model's code (search/tests/test_docs.py).
- ```sh blocks are checked command by command without side effects: `manage.py` commands are parsed
  with the command's own argument parser, `make` targets must exist in the Makefile, files and
  modules named must exist, and every other program must be installed.
Blocks without a language (page trees, diagrams, sample output) are prose and are not checked.
"""

import os
import re
import shlex
import shutil
import textwrap
from pathlib import Path
from unittest import mock

from django.core.management import get_commands, load_command_class
from django.test import RequestFactory

from wagtail import hooks

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)[ \t]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
SHELL_LANGUAGES = {"sh", "bash", "shell", "console"}
ENVIRONMENT_ASSIGNMENT = re.compile(r"^[A-Z_][A-Z0-9_]*=")

# Loading management commands imports every app's models, which needs the test database set up.
pytestmark = pytest.mark.django_db


def fenced_blocks(languages):
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            if match.group(1) in languages:
                line = text.count("\n", 0, match.start()) + 1
                yield pytest.param(match.group(2), id=f"{path.relative_to(ROOT)}:{line}")


def shell_commands(block):
    """Each command of a shell block as a list of words, without comments and leading assignments."""
    joined = re.sub(r"\\\n", " ", block)
    for line in joined.splitlines():
        for part in re.split(r"\s(?:&&|\|\||;)\s", line):
            words = shlex.split(part, comments=True)
            if words and words[0] == "export":
                continue
            while words and ENVIRONMENT_ASSIGNMENT.match(words[0]):
                words = words[1:]
            if words:
                yield words


def makefile_targets():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z0-9_.-]+):(?!=)", text, re.MULTILINE))


def check_manage_py(arguments):
    name, *rest = arguments
    commands = get_commands()
    assert name in commands, f"`manage.py {name}` is no management command"
    command = load_command_class(commands[name], name)
    parser = command.create_parser("manage.py", name)
    try:
        parser.parse_args(rest)
    except SystemExit as error:  # argparse reports bad arguments by exiting
        raise AssertionError(f"`manage.py {' '.join(arguments)}`: arguments rejected") from error


def check_command(words):
    program, *arguments = words
    if program in {"cd", "source", "."}:
        return
    if program.endswith("python") or program.endswith("python3"):
        if arguments[:1] == ["manage.py"]:
            check_manage_py(arguments[1:])
        elif arguments[:1] == ["-m"]:
            __import__(arguments[1])
        return
    if program == "make":
        unknown = {word for word in arguments if "=" not in word and not word.startswith("-")} - makefile_targets()
        assert not unknown, f"`make {' '.join(arguments)}`: no such target {sorted(unknown)}"
        return
    if program in {"pip", "pip3"} or program.endswith("/pip"):
        for index, word in enumerate(arguments):
            if word == "-r":
                assert (ROOT / arguments[index + 1]).exists(), f"no file {arguments[index + 1]}"
        return
    if program == "gunicorn" or program.endswith("/gunicorn"):
        assert (ROOT / ".venv" / "bin" / "gunicorn").exists() or shutil.which("gunicorn"), "gunicorn is not installed"
        __import__(arguments[0].split(":")[0])
        return
    if "/" in program:
        path = ROOT / program
        assert path.exists(), f"no file {program}"
        assert os.access(path, os.X_OK), f"{program} is not executable"
        return
    assert shutil.which(program) or (ROOT / ".venv" / "bin" / program).exists(), f"`{program}` is not installed"


@pytest.mark.parametrize("block", list(fenced_blocks(SHELL_LANGUAGES)))
def test_shell_example_names_what_exists(block):
    for words in shell_commands(block):
        check_command(words)


def organisation_page_sections_arguments():
    from directory.factories import OrganisationFactory

    return (OrganisationFactory(), RequestFactory().get("/"))


# How to call the hooks that documented examples register.
HOOK_ARGUMENTS = {
    "organisation_page_sections": organisation_page_sections_arguments,
}


@pytest.fixture
def standard_page(home_page):
    from cms.models import StandardPage

    page = StandardPage(title="Om netværket", slug="om-netvaerket", intro="Kort om netværket.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("block", list(fenced_blocks({"python"})))
def test_python_example_runs(block, standard_page):
    registered = []

    def register(name, fn=None, order=0):
        if fn is None:
            return lambda function: register(name, function, order)
        registered.append((name, fn))
        return fn

    with mock.patch.object(hooks, "register", register):
        exec(compile(textwrap.dedent(block), "<documented example>", "exec"), {"__name__": "documented_example"})  # noqa: S102
    for name, function in registered:
        assert name in HOOK_ARGUMENTS, f"add how to call the hook {name!r} to HOOK_ARGUMENTS"
        function(*HOOK_ARGUMENTS[name]())
