"""The illustration package is pure Python: standard library and pydantic, never Django."""

import ast
import subprocess
import sys
from pathlib import Path

import sciatica_coach.illustration as illustration_package

PACKAGE = Path(illustration_package.__file__).parent
ALLOWED_THIRD_PARTY = {"pydantic", "pydantic_core"}
ALLOWED_OWN = ("sciatica_coach.engine", "sciatica_coach.illustration")


def test_the_illustrations_import_only_the_standard_library_pydantic_and_the_engine() -> None:
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                ok = (
                    top in sys.stdlib_module_names
                    or top in ALLOWED_THIRD_PARTY
                    or name.startswith(ALLOWED_OWN)
                )
                assert ok, f"{path.name} imports {name}"


def test_drawing_an_exercise_does_not_load_django() -> None:
    code = (
        "import sys; from sciatica_coach.illustration import illustrate; "
        "illustrate('bird_dog'); assert 'django' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
