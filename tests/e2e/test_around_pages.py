"""The relief toolkit, reminders and questionnaires at phone size, with axe-core on each page."""

from typing import Any

import pytest

from tests.e2e.journey import log_in, person_with_program

pytestmark = pytest.mark.e2e


@pytest.fixture
def logged_in(page: Any, live_server: Any) -> Any:
    person_with_program("lou")
    log_in(page, live_server.url, "lou")
    return page


@pytest.mark.parametrize(
    "path",
    [
        "/relief/",
        "/relief/heat-and-cold/",
        "/relief/medicines/",
        "/relief/massage/",
        "/relief/rest-sleep-sitting/",
        "/reminders/",
        "/questionnaires/rmdq/",
        "/questionnaires/odi/",
        "/questionnaires/pgic/",
        "/today/plan.pdf",
    ],
)
def test_every_page_around_the_program_passes_axe(
    logged_in: Any, live_server: Any, check: Any, path: str
) -> None:
    response = logged_in.goto(live_server.url + path)
    assert response.status == 200
    if path.endswith(".pdf"):
        assert response.headers["content-type"] == "application/pdf"
        return
    check(path.strip("/").replace("/", "-"))
