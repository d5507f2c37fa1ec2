"""The open-data API against a live server with the demo content: schemathesis, and the README's curl examples."""

import re
import subprocess
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

README = Path(__file__).resolve().parent.parent / "README.md"


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = {GenerationMode.POSITIVE: 25, GenerationMode.NEGATIVE: 10}


def test_api_answers_every_generated_request_within_its_schema(demo_site):
    """Property-based, per operation: whatever schemathesis generates from the published schema (valid input
    and, fewer, invalid input), the API answers without a 5xx, and status, content type and body match the schema.

    The operations are walked here rather than with `schemathesis.pytest.from_fixture`, whose lazy loader does
    not run under pytest 9 (it sets a node attribute pytest no longer has).
    """
    schema = schemathesis.openapi.from_url(f"{demo_site.url}/api/v1/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 18
    for operation in operations:
        for mode, examples in EXAMPLES.items():

            @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case):
                case.call_and_validate(checks=CHECKS)

            check()


def readme_open_data_block():
    text = README.read_text(encoding="utf-8")
    section = text.split("## Open data", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def test_readme_curl_examples_run(demo_site, tmp_path):
    script = readme_open_data_block().replace("http://127.0.0.1:8000", demo_site.url)
    assert script.count("curl ") >= 8
    result = subprocess.run(  # noqa: S603 (the README's own commands, run in a scratch folder)
        ["/bin/bash", "-euo", "pipefail", "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"results"' in result.stdout
    assert "dcat:Dataset" in result.stdout
    assert "\n304\n" in result.stdout
    assert "page_size" in result.stdout.rsplit("304", 1)[1]  # the 400's message names the parameter
    assert (tmp_path / "handlinger.csv").read_bytes().startswith(b"\xef\xbb\xbfid;")
    assert (tmp_path / "openapi.json").stat().st_size > 1000
