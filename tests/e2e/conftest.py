"""Browser tests: Playwright's sync API driving Debian's Chromium against a live server.

They run in CI (``CHROMIUM_PATH`` set by .ci/run) and skip locally only when no Chromium exists.
"""

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

# The test, the live server and the ORM share one process; Playwright's sync API runs an event
# loop in it, which Django would otherwise take for async code touching the database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Lets a test see and cut off the service worker's own requests, which Chromium's offline
# emulation does not reach (microsoft/playwright#2311); read when the Playwright driver starts.
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
# Set to a folder (docs/screenshots) to also save phone-screen-sized PNGs for the README.
README_SHOTS = os.environ.get("README_SCREENSHOTS", "")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") or os.environ.get("CHROMIUM_PATH"):
        return  # in CI a missing browser must fail loudly, not skip
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}; apt-get install chromium")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": PHONE, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


class PageChecker:
    """Saves a phone-sized screenshot of each page and runs axe-core on it."""

    def __init__(self, page: Any, axe_source: str, prefix: str) -> None:
        self.page = page
        self.axe_source = axe_source
        self.prefix = prefix
        self.count = 0
        ARTIFACTS.mkdir(exist_ok=True)

    def __call__(self, name: str) -> None:
        self.count += 1
        self.page.screenshot(
            path=str(ARTIFACTS / f"{self.prefix}-{self.count:02d}-{name}.png"), full_page=True
        )
        if README_SHOTS:
            self.page.evaluate("window.scrollTo(0, 0)")
            self.page.screenshot(path=str(Path(README_SHOTS) / f"{name}.png"))
        self.page.evaluate(self.axe_source)
        violations = self.page.evaluate(
            """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}}))
                 .violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                        targets: v.nodes.map(n => n.target.join(" "))}))""",
            AXE_TAGS,
        )
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert not serious, f"{name}: " + json.dumps(serious, indent=1)


@pytest.fixture
def check(page: Any, axe_source: str, request: pytest.FixtureRequest) -> PageChecker:
    page.set_default_timeout(10_000)
    short = request.node.name.removeprefix("test_").split("[")[0][:24]
    return PageChecker(page, axe_source, short)


@pytest.fixture(autouse=True)
def _forget_stored_pages() -> None:
    # Test databases reuse ids after a rollback; a page stored for one test's "user 1, plan 1"
    # must not be served to the next test's.
    from django.core.cache import cache

    cache.clear()
