"""The ``sciatica-coach`` command line: JSON answers, exit codes, and one-line refusals."""

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sciatica_coach.cli import main
from tests.factories import profile, review_request

EXAMPLES = Path(__file__).resolve().parents[1] / "contract_examples"


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


def run(*args: str, stdin: str = "") -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return Result(code, out.getvalue(), err.getvalue())


def write(tmp_path: Path, data: Any, name: str = "input.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return str(path)


def test_plan_prints_the_plan_as_json(tmp_path: Path) -> None:
    result = run("plan", write(tmp_path, profile()))
    assert result.code == 0
    assert result.json()["phase"] == "recovery"
    assert result.err == ""


def test_triage_reads_standard_input() -> None:
    result = run("triage", "-", stdin=json.dumps(profile(red_flags=["saddle_numbness"])))
    assert (result.code, result.json()["urgency"]) == (0, "emergency")


def test_no_program_is_still_an_answer_with_exit_0(tmp_path: Path) -> None:
    result = run("plan", write(tmp_path, profile(diagnoses=[])))
    assert result.code == 0
    assert result.json()["sessions"] is None


def test_review_answers_a_review_request(tmp_path: Path) -> None:
    from sciatica_coach import engine

    request = review_request(engine.plan(profile()))
    result = run("review", write(tmp_path, request))
    assert result.code == 0
    assert result.json()["decision"] in ("progress", "continue", "regress")


def test_score_odi(tmp_path: Path) -> None:
    result = run("score", "odi", write(tmp_path, {"sections": [2, 1, 3, 2, 2, 2, 1, None, 2, 1]}))
    assert result.json()["score"] == 35.6


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (
            profile(pain={"leg": 11, "back": 3}),
            "error: profile.pain.leg: 11 is not between 0 and 10",
        ),
        (profile(age="forty"), "error: profile.age: 'forty' is not a whole number"),
        (profile(red_flags=["saddle"]), "error: profile.red_flags[0]: 'saddle' is not one of"),
        (
            profile(avoid_exercises=["prone_pressup"]),
            "error: profile.avoid_exercises[0]: 'prone_pressup' is not an exercise in the catalog",
        ),
        ({**profile(), "red_flag": []}, "error: profile.red_flag: is not a known field"),
        ([1, 2], "error: profile: is not a JSON object"),
    ],
    ids=["range", "type", "unknown_flag", "unknown_exercise", "misspelt_key", "not_an_object"],
)
def test_refused_input_exits_2_with_one_line_naming_the_field(
    tmp_path: Path, data: Any, line: str
) -> None:
    result = run("plan", write(tmp_path, data))
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(line)
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err


def test_a_refused_review_names_the_field_under_request(tmp_path: Path) -> None:
    from sciatica_coach import engine

    request = review_request(engine.plan(profile()), today="2026-10-01", started_on="2026-10-02")
    result = run("review", write(tmp_path, request))
    assert result.code == 2
    assert result.err.startswith("error: request.today: 2026-10-01 is before started_on")


def test_invalid_json_exits_2_with_the_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"age": 40,}')
    result = run("triage", str(path))
    assert result.code == 2
    assert result.err.startswith("error: input: not valid JSON (line 1, column 11")


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("plan", str(tmp_path / "nope.json"))
    assert (result.code, result.err.strip()) == (
        2,
        f"error: {tmp_path / 'nope.json'}: no such file",
    )


def test_odi_with_too_few_sections_exits_2(tmp_path: Path) -> None:
    result = run("score", "odi", write(tmp_path, {"sections": [1] * 5 + [None] * 5}))
    assert result.code == 2
    assert result.err.startswith("error: answers.sections: only 5 of 10 sections answered")


def test_exercises_json_lists_the_whole_catalog() -> None:
    catalog = run("exercises", "--json").json()
    assert len(catalog) >= 40
    for entry in catalog:
        assert {"id", "name", "kind", "position", "direction", "equipment"} <= set(entry)


def test_exercises_without_json_prints_a_table() -> None:
    result = run("exercises")
    assert result.out.splitlines()[0].split()[:3] == ["id", "kind", "position"]
    assert "bird_dog" in result.out


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_every_contract_example_runs_from_the_command_line(tmp_path: Path, path: Path) -> None:
    example = json.loads(path.read_text())
    result = run(*example["command"].split(), write(tmp_path, example["input"]))
    assert result.code == 0
    answer = result.json()
    for key in ("urgency", "phase", "decision", "score", "band", "answered"):
        if key in example["expect"]:
            assert answer[key] == example["expect"][key]


@pytest.mark.skipif(
    shutil.which("sciatica-coach") is None
    and not Path(sys.executable).with_name("sciatica-coach").exists(),
    reason="console script not installed",
)
def test_the_installed_console_script_keeps_the_contract(tmp_path: Path) -> None:
    script = shutil.which("sciatica-coach") or str(Path(sys.executable).with_name("sciatica-coach"))
    bad = write(tmp_path, profile(pain={"leg": 11, "back": 3}))
    done = subprocess.run([script, "plan", bad], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr == "error: profile.pain.leg: 11 is not between 0 and 10\n"
    good = subprocess.run(
        [script, "plan", write(tmp_path, profile())], capture_output=True, text=True, check=False
    )
    assert json.loads(good.stdout)["urgency"] == "self_care"


@pytest.mark.parametrize("command", ["triage", "plan", "review", "score", "exercises"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: sciatica-coach" in capsys.readouterr().out
