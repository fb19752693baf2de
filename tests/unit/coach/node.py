"""Runs the coach's JavaScript rules in Node, as the browser runs them, on data from the tests."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

RUNNER = Path(__file__).with_name("run_tracker.mjs")
NODE = shutil.which("node")


def node_or_skip() -> str:
    if NODE:
        return NODE
    if os.environ.get("CI"):
        pytest.fail("Node.js is needed to test the coach's rules (apt-get install nodejs)")
    pytest.skip("no Node.js: apt-get install nodejs")


def run(cases: list[dict[str, Any]]) -> list[Any]:
    """Each case's result, from one Node process."""
    done = subprocess.run(
        [node_or_skip(), str(RUNNER)],
        input=json.dumps({"cases": cases}),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: list[Any] = json.loads(done.stdout)
    return result
