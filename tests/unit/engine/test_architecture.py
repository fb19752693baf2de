"""The engine and the illustrations are pure Python: standard library and pydantic, never Django."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import sciatica_coach.engine as engine_package
import sciatica_coach.illustration as illustration_package

ALLOWED_THIRD_PARTY = {"pydantic", "pydantic_core"}
PURE_PACKAGES = {
    # package folder: the project's own modules it may import
    Path(engine_package.__file__).parent: ("sciatica_coach.engine",),
    Path(illustration_package.__file__).parent: (
        "sciatica_coach.engine",
        "sciatica_coach.illustration",
    ),
}


def imported_names(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("package", list(PURE_PACKAGES), ids=lambda p: p.name)
def test_pure_packages_import_only_the_standard_library_pydantic_and_the_engine(
    package: Path,
) -> None:
    own = PURE_PACKAGES[package]
    for path in package.rglob("*.py"):
        for name in imported_names(path):
            top = name.split(".")[0]
            # ``from sciatica_coach import __version__`` is the only way out of the package.
            ours = (
                name == "sciatica_coach"
                or name in own
                or name.startswith(tuple(f"{prefix}." for prefix in own))
            )
            assert top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY or ours, (
                f"{path.name} imports {name}"
            )


@pytest.mark.parametrize(
    "code",
    [
        "import sciatica_coach.engine as e; e.plan",
        "from sciatica_coach.illustration import illustrate; illustrate('bird_dog')",
    ],
    ids=["engine", "illustration"],
)
def test_using_a_pure_package_does_not_load_django(code: str) -> None:
    check = f"import sys; {code}; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", check], check=True)
