"""The relief toolkit, reminders and questionnaires at phone size, with axe-core on each page."""

from typing import Any

import pytest
from django.contrib.auth.models import User

from sciatica_coach.program import services
from tests import factories

pytestmark = pytest.mark.e2e
PASSWORD = "quiet-River-72"  # noqa: S105 - a test account


@pytest.fixture
def logged_in(page: Any, live_server: Any) -> Any:
    user = User.objects.create_user("lou", "lou@example.org", PASSWORD)
    services.profile_update(user=user, data=factories.profile())
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill("lou")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/today/")
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
