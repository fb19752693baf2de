"""The clinic reaches other apps only through their services and selectors, never their models."""

import ast
from pathlib import Path

import sciatica_coach.clinic as clinic_package

ROOT = Path(clinic_package.__file__).parent
OWN = "sciatica_coach.clinic"


def test_the_clinic_never_imports_another_apps_models() -> None:
    files = [*ROOT.rglob("*.py"), ROOT.parent / "api" / "routes_patients.py"]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            for name in names:
                if name.startswith("sciatica_coach.") and name.endswith(".models"):
                    assert name.startswith(OWN), f"{path}: {name}"
                    assert path.parent.name != "api", f"{path}: {name}"
