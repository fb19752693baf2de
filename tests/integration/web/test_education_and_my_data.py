"""Education pages, and a person's right to take all their data and to leave with none left."""

import html
import io
import json
import zipfile

from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.accounts.models import FailedLogin
from sciatica_coach.education.pages import all_pages
from sciatica_coach.mydata.records import user_models
from sciatica_coach.program import selectors
from sciatica_coach.program.models import SessionLog
from sciatica_coach.questionnaires.services import questionnaire_submit
from tests.integration.web.conftest import with_program


def test_the_education_pages_are_listed_and_open(client: Client, db: None) -> None:
    listing = client.get("/learn/").content.decode()
    for page in all_pages():
        assert page.title in listing
        detail = client.get(f"/learn/{page.slug}/")
        assert detail.status_code == 200
        assert html.escape(page.sources[0], quote=False) in detail.content.decode()


def test_links_between_pages_lead_to_pages(client: Client, db: None) -> None:
    html = client.get("/learn/what-is-sciatica/").content.decode()
    hrefs = [part.split('"')[0] for part in html.split('href="../')[1:]]
    assert hrefs
    for href in hrefs:
        assert client.get(f"/learn/{href}").status_code == 200


def test_an_unknown_page_is_not_found(client: Client, db: None) -> None:
    assert client.get("/learn/no-such-page/").status_code == 404


def fill_everything(user: User) -> None:
    with_program(user)
    plan = selectors.plan_current(user=user)
    assert plan is not None
    SessionLog.objects.create(
        user=user,
        plan=plan,
        date=plan.created_on,
        slot="morning",
        done=True,
        pain_before_leg=5,
        pain_before_back=3,
    )
    questionnaire_submit(
        user=user, instrument="peg", answers={"pain": 5, "enjoyment": 4, "activity": 4}
    )


def test_the_json_export_holds_every_record_of_mine_and_none_of_bobs(
    alice: User, bob: User, alice_client: Client
) -> None:
    fill_everything(alice)
    fill_everything(bob)
    response = alice_client.get("/my-data/export.json")
    assert response["Content-Disposition"].startswith("attachment;")
    document = json.loads(response.content)
    assert document["account"]["username"] == "alice"
    assert "password" not in json.dumps(document["account"])
    for model in user_models():
        expected = model._default_manager.filter(user=alice).count()
        assert len(document["records"][model._meta.label]) == expected, model
    assert document["records"]["program.SessionLog"][0]["pain_before_leg"] == 5


def test_the_zip_export_has_one_csv_per_kind_of_record(alice: User, alice_client: Client) -> None:
    fill_everything(alice)
    archive = zipfile.ZipFile(io.BytesIO(alice_client.get("/my-data/export.zip").content))
    names = set(archive.namelist())
    assert {
        "account.csv",
        "everything.json",
        "program-sessionlog.csv",
        "questionnaires-response.csv",
    } <= names
    sessions = archive.read("program-sessionlog.csv").decode().splitlines()
    assert len(sessions) == 2
    assert "pain_before_leg" in sessions[0]


def test_deleting_my_account_leaves_no_record_of_me(
    alice: User, bob: User, alice_client: Client
) -> None:
    fill_everything(alice)
    fill_everything(bob)
    FailedLogin.objects.create(username="alice")
    alice_id = alice.pk
    response = alice_client.post(
        "/my-data/delete/", {"password": "a-long-Passw0rd!", "confirm": "DELETE"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=alice_id).exists()
    for model in user_models():
        assert not model._default_manager.filter(user_id=alice_id).exists(), model
        assert model._default_manager.filter(user=bob).exists() or model._meta.label not in {
            "program.Profile",
            "program.Plan",
            "program.SessionLog",
            "questionnaires.Response",
        }
    assert not FailedLogin.objects.filter(username="alice").exists()
    assert alice_client.get("/today/").status_code == 302  # logged out


def test_deleting_needs_the_password_and_the_word(alice: User, alice_client: Client) -> None:
    response = alice_client.post("/my-data/delete/", {"password": "wrong", "confirm": "DELETE"})
    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    response = alice_client.post(
        "/my-data/delete/", {"password": "a-long-Passw0rd!", "confirm": "yes"}
    )
    assert "Please type DELETE" in response.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()


def test_every_model_with_a_user_is_exported(db: None) -> None:
    labels = {m._meta.label for m in user_models()}
    assert {
        "program.Profile",
        "program.Plan",
        "program.SessionLog",
        "program.Review",
        "questionnaires.Response",
    } <= labels


def test_today_links_the_pages_that_matter_for_my_cause(alice: User, alice_client: Client) -> None:
    with_program(
        alice, diagnoses=[{"condition": "spinal_stenosis", "confirmed_by_clinician": True}]
    )
    page = alice_client.get("/today/").content.decode()
    assert "Worth reading" in page
    assert 'href="/learn/causes/"' in page


def test_an_unknown_export_kind_is_not_found(alice_client: Client) -> None:
    assert alice_client.get("/my-data/export.pdf").status_code == 404
