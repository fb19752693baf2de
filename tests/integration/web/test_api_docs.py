"""docs/api.md runs as written: its shell blocks, in order, in one bash against a live server,
and every documented answer is what the server says."""

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

DOC = Path(__file__).resolve().parents[3] / "docs" / "api.md"
BLOCK = re.compile(r"```(sh|json)\n(.*?)```", re.S)
MARK = "----- block {} -----"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

pytestmark = pytest.mark.skipif(
    not (shutil.which("curl") and shutil.which("jq")), reason="needs curl and jq"
)


def blocks() -> list[tuple[str, str]]:
    return [(kind, text) for kind, text in BLOCK.findall(DOC.read_text())]


def same(documented: Any, got: Any) -> bool:
    """Equal, except the values that change from run to run: ids and dates."""
    if isinstance(documented, dict) and isinstance(got, dict):
        return documented.keys() == got.keys() and all(
            key == "id" or same(documented[key], got[key]) for key in documented
        )
    if isinstance(documented, list) and isinstance(got, list):
        return len(documented) == len(got) and all(map(same, documented, got))
    if isinstance(documented, str) and isinstance(got, str):
        return DATE.sub("DATE", documented) == DATE.sub("DATE", got)
    return bool(documented == got)


@pytest.mark.django_db(transaction=True)
def test_the_api_walk_through_works_as_written(live_server: Any, tmp_path: Path) -> None:
    found = blocks()
    shell = [text for kind, text in found if kind == "sh"]
    script = "set -euo pipefail\n" + "".join(
        f"echo '{MARK.format(n)}'\n{text}" for n, text in enumerate(shell)
    )
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "BASE": f"{live_server.url}/api/v1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    outputs = re.split(r"----- block \d+ -----\n", done.stdout)[1:]
    assert len(outputs) == len(shell)
    checked = 0
    shell_index = -1
    for kind, text in found:
        if kind == "sh":
            shell_index += 1
            continue
        if shell_index < 0:
            continue
        got = json.loads(outputs[shell_index].strip().splitlines()[-1])
        assert same(json.loads(text), got), (text, outputs[shell_index])
        checked += 1
    assert checked >= 4  # the sign-up, the triage, a refusal, the review's date, the revoke
