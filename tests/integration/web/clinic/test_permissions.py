"""Who may open what: every clinic page and clinician endpoint against seven personas, each cell's
expected status written down; no record of one person ever reaches another; a patient who leaves
a clinic is invisible to it at once."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from sciatica_coach.api import tokens
from sciatica_coach.clinic import services
from sciatica_coach.clinic.audit import Actor
from sciatica_coach.clinic.models import AuditEvent
from tests.integration.web.clinic.conftest import Personas, actor_for, headers

PERSONAS = ("anonymous", "alice", "bob", "charlie", "carol", "dave", "erin", "sam")
PRIVATE = "ALICE-PRIVATE-NOTE"
SHARED = "ALICE-SHARED-NOTE"

# name: (method, path from the personas, body)
Cell = tuple[str, Callable[[Personas], str], dict[str, Any] | None]
R = "/clinic/riverside-physio"
PAGES: dict[str, Cell] = {
    "dashboard": ("get", lambda p: f"{R}/", None),
    "patient page": ("get", lambda p: f"{R}/patients/{p.alice.pk}/", None),
    "consultation report": ("get", lambda p: f"{R}/patients/{p.alice.pk}/report.pdf", None),
    "clinical action": ("post", lambda p: f"{R}/patients/{p.alice.pk}/act/note/", {"text": "x"}),
    "invitations": ("get", lambda p: f"{R}/invitations/", None),
    "templates": ("get", lambda p: f"{R}/templates/", None),
    "staff and exports": ("get", lambda p: f"{R}/manage/", None),
    "audit export": ("get", lambda p: f"{R}/audit.csv", None),
    "outcomes export": ("get", lambda p: f"{R}/outcomes.csv", None),
    "another clinic's dashboard": ("get", lambda p: "/clinic/hillside-clinic/", None),
    "a non-member through the clinic": ("get", lambda p: f"{R}/patients/{p.charlie.pk}/", None),
    "my clinic": ("get", lambda p: "/clinic/mine/", None),
    "my audit log": ("get", lambda p: "/clinic/mine/log/", None),
    "join": ("get", lambda p: "/clinic/join/", None),
    "clinic home": ("get", lambda p: "/clinic/", None),
    "site admin": ("get", lambda p: "/admin/", None),
    "api: patients": ("get", lambda p: "/api/v1/patients", None),
    "api: alice": ("get", lambda p: f"/api/v1/patients/{p.alice.pk}", None),
    "api: alice's sessions": ("get", lambda p: f"/api/v1/patients/{p.alice.pk}/sessions", None),
    "api: a note on alice": (
        "post",
        lambda p: f"/api/v1/patients/{p.alice.pk}/notes",
        {"text": "api note"},
    ),
    "api: alice's plan edit": (
        "post",
        lambda p: f"/api/v1/patients/{p.alice.pk}/plan-edits",
        {"op": "add", "exercise": "clamshell"},
    ),
    "api: alice as FHIR": ("get", lambda p: f"/api/v1/patients/{p.alice.pk}/fhir", None),
    "api: charlie": ("get", lambda p: f"/api/v1/patients/{p.charlie.pk}", None),
}
# The expected status of each page for each persona, in PERSONAS' order.
EXPECTED: dict[str, tuple[int, ...]] = {
    #                                  anon alice bob charlie carol dave erin sam
    "dashboard":                       (302, 404, 404, 404, 200, 404, 404, 404),
    "patient page":                    (302, 404, 404, 404, 200, 404, 404, 404),
    "consultation report":             (302, 404, 404, 404, 200, 404, 404, 404),
    "clinical action":                 (302, 404, 404, 404, 302, 404, 404, 404),
    "invitations":                     (302, 404, 404, 404, 200, 404, 200, 404),
    "templates":                       (302, 404, 404, 404, 200, 404, 404, 404),
    "staff and exports":               (302, 404, 404, 404, 404, 404, 200, 404),
    "audit export":                    (302, 404, 404, 404, 404, 404, 200, 404),
    "outcomes export":                 (302, 404, 404, 404, 200, 404, 200, 404),
    "another clinic's dashboard":      (302, 404, 404, 404, 404, 200, 404, 404),
    "a non-member through the clinic": (302, 404, 404, 404, 404, 404, 404, 404),
    "my clinic":                       (302, 200, 200, 200, 200, 200, 200, 200),
    "my audit log":                    (302, 200, 200, 200, 200, 200, 200, 200),
    "join":                            (302, 200, 200, 200, 200, 200, 200, 200),
    "clinic home":                     (302, 302, 302, 302, 302, 302, 200, 302),
    "site admin":                      (302, 302, 302, 302, 302, 302, 302, 200),
    "api: patients":                   (401, 403, 403, 403, 200, 200, 403, 403),
    "api: alice":                      (401, 403, 403, 403, 200, 404, 403, 403),
    "api: alice's sessions":           (401, 403, 403, 403, 200, 404, 403, 403),
    "api: a note on alice":            (401, 403, 403, 403, 201, 404, 403, 403),
    "api: alice's plan edit":          (401, 403, 403, 403, 200, 404, 403, 403),
    "api: alice as FHIR":              (401, 403, 403, 403, 200, 404, 403, 403),
    "api: charlie":                    (401, 403, 403, 403, 404, 404, 403, 403),
}  # fmt: skip
# Whose records each persona may ever see, by the marks that name them.
MARKS = {
    "alice": ("Alice Archer", PRIVATE, SHARED),
    "bob": ("Bob Baker",),
    "charlie": ("Charlie Cole",),
}
MAY_SEE = {
    "anonymous": set(),
    "alice": {"alice"},
    "bob": {"bob"},
    "charlie": {"charlie"},
    "carol": {"alice", "bob"},
    "dave": set(),
    "erin": set(),  # a clinic admin runs the clinic; only clinicians see records
    "sam": set(),  # the site admin manages clinics, not patients' records
}


def call(client: Client, method: str, path: str, body: dict[str, Any] | None) -> Any:
    if path.startswith("/api/"):
        data = json.dumps(body) if body is not None else None
        if method == "post":
            return client.post(path, data, content_type="application/json")
        return client.get(path)
    return client.post(path, body or {}) if method == "post" else client.get(path)


def allowed(persona: str, owner: str, mark: str, page: str) -> bool:
    if persona == "alice" and mark == PRIVATE:
        return False  # a private note is the clinic's, not the patient's
    if page == "audit export" and persona == "erin" and owner != "charlie":
        return True  # the clinic's own audit log names its own patients
    return owner in MAY_SEE[persona]


@pytest.fixture
def noted(people: Personas) -> Personas:
    carol = actor_for(people.carol)
    services.note_add(
        clinic=people.riverside, patient=people.alice, actor=carol, text=PRIVATE, shared=False
    )
    services.note_add(
        clinic=people.riverside, patient=people.alice, actor=carol, text=SHARED, shared=True
    )
    return people


def test_the_matrix_names_every_page_once() -> None:
    assert set(PAGES) == set(EXPECTED)
    assert all(len(row) == len(PERSONAS) for row in EXPECTED.values())


@pytest.mark.parametrize("page", list(PAGES))
def test_each_persona_gets_the_written_status_and_only_their_own_records(
    noted: Personas, page: str
) -> None:
    method, path_of, body = PAGES[page]
    got = []
    for persona in PERSONAS:
        response = call(noted.client(persona), method, path_of(noted), body)
        got.append(response.status_code)
        if response.status_code in (200, 201) and not page.endswith("report"):
            text = response.content.decode()
            for owner, marks in MARKS.items():
                for mark in marks:
                    assert allowed(persona, owner, mark, page) or mark not in text, (
                        f"{persona} saw {mark!r} on {page}"
                    )
    assert tuple(got) == EXPECTED[page], f"{page}: {dict(zip(PERSONAS, got, strict=True))}"


def test_a_patient_who_leaves_is_invisible_to_the_clinic_at_once(people: Personas) -> None:
    carol = people.client("carol")
    assert "Alice Archer" in carol.get(f"{R}/").content.decode()
    _token, key = tokens.token_create(user=people.carol, name="t", scope="write")
    services.membership_leave(
        user=people.alice,
        clinic_id=people.riverside.pk,
        actor=Actor(user=people.alice, address=None, via="web"),
    )
    assert "Alice Archer" not in carol.get(f"{R}/").content.decode()
    assert carol.get(f"{R}/patients/{people.alice.pk}/").status_code == 404
    assert carol.get(f"{R}/patients/{people.alice.pk}/report.pdf").status_code == 404
    assert carol.post(f"{R}/patients/{people.alice.pk}/act/note/", {"text": "x"}).status_code == 404
    api = Client()
    assert api.get(f"/api/v1/patients/{people.alice.pk}", **headers(key)).status_code == 404
    listed = api.get("/api/v1/patients", **headers(key)).json()
    assert [p["username"] for p in listed] == ["bob"]
    assert "alice" not in Client().get(f"{R}/outcomes.csv").content.decode()
    left = AuditEvent.objects.filter(user=people.alice, action=AuditEvent.Action.LEAVE)
    assert left.count() == 1


def test_a_patient_sees_who_can_see_their_records_and_can_leave(people: Personas) -> None:
    alice = people.client("alice")
    page = alice.get("/clinic/mine/").content.decode()
    assert "Riverside Physio" in page
    assert "Carol Hughes" in page
    assert "Dave Dunn" not in page
    response = alice.post(f"/clinic/mine/leave/{people.riverside.pk}/")
    assert response.status_code == 302
    assert (
        "Riverside Physio"
        not in alice.get("/clinic/mine/").content.decode().split("What your clinicians changed")[0]
    )
    assert people.client("carol").get(f"{R}/patients/{people.alice.pk}/").status_code == 404
