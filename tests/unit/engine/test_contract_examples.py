"""Every worked example of the contract answers as its ``expect`` says.

The examples live in ``shared/contract/examples`` beside the repository; a copy ships in
``tests/contract_examples`` so that a clone without ``shared/`` still runs them, and a test checks
the copy has not drifted when ``shared/`` is present.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from sciatica_coach import engine
from tests.unit.engine.plan_checks import exercise_ids, tags

HERE = Path(__file__).resolve().parents[2] / "contract_examples"
SHARED = Path(__file__).resolve().parents[4] / "shared" / "contract" / "examples"
EXAMPLES = sorted(HERE.glob("*.json"))


def run(command: str, data: dict[str, Any]) -> dict[str, Any]:
    name, *rest = command.split()
    if name == "score":
        return engine.score(rest[0], data)
    return {
        "triage": engine.triage,
        "plan": engine.plan,
        "review": engine.review,
        "checks": engine.checks,
        "movement-test": engine.movement_test,
    }[name](data)


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 12


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/ is not beside this clone")
def test_the_copied_examples_match_the_shared_contract() -> None:
    shared = {p.name: json.loads(p.read_text()) for p in SHARED.glob("*.json")}
    ours = {p.name: json.loads(p.read_text()) for p in EXAMPLES}
    assert shared == {name: ours.get(name) for name in shared}


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/ is not beside this clone")
def test_the_copied_vocabulary_matches_the_shared_contract() -> None:
    shared = json.loads((SHARED.parent / "vocabulary.json").read_text())
    ours = json.loads((Path(engine.__file__).parent / "data" / "vocabulary.json").read_text())
    assert ours == shared


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_contract_example(path: Path) -> None:
    example = json.loads(path.read_text())
    answer = run(example["command"], example["input"])
    for key, expected in example["expect"].items():
        if key == "sessions_per_day_at_least":
            assert len(answer["sessions"]) >= expected
        elif key == "includes_any":
            assert exercise_ids(answer) & set(expected)
        elif key == "includes_kind":
            assert set(expected) <= {i["kind"] for s in answer["sessions"] for i in s["items"]}
        elif key in ("excludes_direction", "excludes_position"):
            assert not set(expected) & tags(answer, key.split("_")[1])
        elif key == "includes_direction":
            assert set(expected) <= tags(answer, "direction")
        elif key == "next_plan_excludes":
            assert not set(expected) & exercise_ids(answer["plan"])
        elif key == "offered_excludes":
            assert not set(expected) & set(answer["offered"])
        elif key == "movement_test_offered":
            assert answer["movement_test"]["offered"] == expected
        else:
            assert answer[key] == expected, key
