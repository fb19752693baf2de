"""The engine is pure Python: standard library and pydantic, never Django."""

import ast
import subprocess
import sys
from pathlib import Path

import sciatica_coach.engine as engine_package

ENGINE = Path(engine_package.__file__).parent
ALLOWED_THIRD_PARTY = {"pydantic", "pydantic_core"}


def test_the_engine_imports_only_the_standard_library_and_pydantic() -> None:
    for path in ENGINE.rglob("*.py"):
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
                    or (
                        name.startswith(("sciatica_coach.engine", "sciatica_coach"))
                        and not name.startswith(("sciatica_coach.web", "sciatica_coach.cli"))
                    )
                )
                assert ok, f"{path.name} imports {name}"


def test_importing_the_engine_does_not_load_django() -> None:
    code = "import sys, sciatica_coach.engine as e; e.plan; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
