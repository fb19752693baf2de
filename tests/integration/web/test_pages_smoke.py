from django.test import Client

from tests.integration.web.conftest import intake_form


def test_every_page_of_the_daily_journey_renders(alice_client: Client) -> None:
    assert alice_client.get("/intake/").status_code == 200
    response = alice_client.post("/intake/", intake_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    for url in [
        "/today/",
        "/exercises/",
        "/exercises/bird_dog/",
        "/review/",
        "/assessment/",
        "/session/morning/start/",
        "/movement-test/",
        "/movement-test/extension/",
    ]:
        response = alice_client.get(url)
        assert response.status_code == 200, url
