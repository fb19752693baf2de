"""Each app reaches another only through its services (writes) and selectors (reads), never its
models: a model is storage, and the app that owns it decides how it is read and written.

Type-only imports (``if TYPE_CHECKING:``) count too: an app that needs another's row in a type
asks for a Protocol of what it reads, or for a plain value (see progress/selectors.py).
"""

import ast
from pathlib import Path

import pytest

import sciatica_coach

ROOT = Path(sciatica_coach.__file__).parent
# Every package of the project is an app here (the engine and the illustrations, which import
# no Django at all, are held to more in tests/unit/engine/test_architecture.py).
APPS = sorted(path.name for path in ROOT.iterdir() if (path / "__init__.py").exists())
# The clinic's API routes read patients through the clinic's services only: no models at all.
NO_MODELS_AT_ALL = [ROOT / "api" / "routes_patients.py"]


def package_of(path: Path) -> list[str]:
    """The package ``path`` belongs to, as its dotted parts: what a relative import starts at."""
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return parts[:-1]


def imported_modules(source: str, package: list[str]) -> list[str]:
    """Every module ``source`` imports, by its full name; ``from x import models`` as
    ``x.models``, and relative imports resolved against ``package``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append(module)
            found.extend(f"{module}.{alias.name}" for alias in node.names)
    return found


def models_imported(source: str, package: list[str]) -> list[str]:
    """The apps whose models ``source`` imports."""
    return sorted(
        {
            name.split(".")[1]
            for name in imported_modules(source, package)
            if name.startswith("sciatica_coach.")
            and name.count(".") >= 2
            and name.split(".")[2] == "models"
        }
    )


def models_imported_by(path: Path) -> list[str]:
    return models_imported(path.read_text(), package_of(path))


def app_files(app: str) -> list[Path]:
    return [p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.relative_to(ROOT).parts]


def test_no_app_imports_another_apps_models() -> None:
    crossings = [
        f"{path.relative_to(ROOT)} imports sciatica_coach.{other}.models"
        for app in APPS
        for path in app_files(app)
        for other in models_imported_by(path)
        if other != app
    ]
    assert not crossings, "\n".join(crossings)


def test_the_clinics_api_routes_import_no_models() -> None:
    for path in NO_MODELS_AT_ALL:
        assert not models_imported_by(path), f"{path.relative_to(ROOT)}: {models_imported_by(path)}"


@pytest.mark.parametrize(
    ("line", "apps"),
    [
        ("import sciatica_coach.program.models", ["program"]),
        ("from sciatica_coach.program.models import SessionLog", ["program"]),
        ("from sciatica_coach.program import models", ["program"]),
        ("from sciatica_coach.program import models as program_models", ["program"]),
        ("from sciatica_coach.program import selectors", []),
        ("from ..program.models import Plan", ["program"]),
        ("from ..program import models", ["program"]),
        ("from .models import ReminderSettings", ["reminders"]),
        ("from django.contrib.auth.models import User", []),
        ("if TYPE_CHECKING:\n    from sciatica_coach.program.models import Plan", ["program"]),
    ],
)
def test_the_check_sees_every_way_of_importing_models(line: str, apps: list[str]) -> None:
    assert models_imported(line, ["sciatica_coach", "reminders"]) == apps
