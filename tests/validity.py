"""The Nu HTML checker (vnu.jar from npm `vnu-jar`, installed by `make test` with `npm ci`) run over saved pages."""

import json
import shutil
import subprocess
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(directory):
    """Every error the checker reports for the .html files in `directory`, as "file:line: message"."""
    if not VNU_JAR.exists():
        raise AssertionError(f"{VNU_JAR} is missing: run `npm ci` (make test does) to install the Nu HTML checker")
    java = shutil.which("java")
    if java is None:
        raise AssertionError("java is not installed: the Nu HTML checker needs it (apt-get install default-jre)")
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(directory)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m.get('message', '')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
