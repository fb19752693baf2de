"""The clinic's personas: alice and bob are patients of Riverside; charlie is in no clinic; carol
is Riverside's clinician, dave Hillside's; erin runs Riverside (clinic admin); sam is the site
admin. Each a fixture, each with a logged-in client."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.clinic import services
from sciatica_coach.clinic.audit import Actor
from sciatica_coach.clinic.models import Clinic, Membership, Staff
from tests.integration.web.conftest import make_user, with_program


@dataclass
class Personas:
    alice: User
    bob: User
    charlie: User
    carol: User
    dave: User
    erin: User
    sam: User
    riverside: Clinic
    hillside: Clinic

    def client(self, name: str) -> Client:
        client = Client()
        if name != "anonymous":
            client.force_login(getattr(self, name))
        return client


def named(username: str, first: str, last: str) -> User:
    user = make_user(username)
    user.first_name, user.last_name = first, last
    user.save(update_fields=["first_name", "last_name"])
    return user


def join(clinic: Clinic, patient: User) -> Membership:
    return Membership.objects.create(clinic=clinic, user=patient)


def actor_for(user: User) -> Actor:
    return Actor(user=user, address="127.0.0.1", via="web")


@pytest.fixture
def people(db: None) -> Personas:
    riverside = services.clinic_create(name="Riverside Physio")
    hillside = services.clinic_create(name="Hillside Clinic")
    found = Personas(
        alice=named("alice", "Alice", "Archer"),
        bob=named("bob", "Bob", "Baker"),
        charlie=named("charlie", "Charlie", "Cole"),
        carol=named("carol", "Carol", "Hughes"),
        dave=named("dave", "Dave", "Dunn"),
        erin=named("erin", "Erin", "Ellis"),
        sam=User.objects.create_superuser("sam", "sam@example.org", "a-long-Passw0rd!"),
        riverside=riverside,
        hillside=hillside,
    )
    for patient in (found.alice, found.bob, found.charlie):
        with_program(patient)
    join(riverside, found.alice)
    join(riverside, found.bob)
    Staff.objects.create(clinic=riverside, user=found.carol, role=Staff.Role.CLINICIAN)
    Staff.objects.create(clinic=hillside, user=found.dave, role=Staff.Role.CLINICIAN)
    Staff.objects.create(clinic=riverside, user=found.erin, role=Staff.Role.ADMIN)
    return found


def headers(token: str) -> dict[str, Any]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
