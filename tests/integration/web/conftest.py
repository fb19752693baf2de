"""Personas and factories for the web tests: alice owns data, bob must never see it."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.program import services
from sciatica_coach.program.models import Profile
from tests import factories


def make_user(username: str) -> User:
    return User.objects.create_user(username, f"{username}@example.org", "a-long-Passw0rd!")


def safety_form(
    red_flags: list[str] | None = None,
    *,
    pregnancy_status: str = "none",
    cleared: list[str] | None = None,
    step: str = "safety",
) -> dict[str, Any]:
    """The intake's first step: the safety questions, and nothing else."""
    return {
        "step": step,
        "safety-pregnancy_status": pregnancy_status,
        "safety-red_flags": red_flags or [],
        "safety-cleared_red_flags": cleared or [],
    }


def intake_form(
    *,
    red_flags: list[str] | None = None,
    pregnancy_status: str = "none",
    cleared: list[str] | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """What a person with a confirmed disc herniation sends from the intake's second step: the
    details, with the first step's safety answers carried along."""
    data: dict[str, Any] = {
        **safety_form(
            red_flags, pregnancy_status=pregnancy_status, cleared=cleared, step="details"
        ),
        "leg_side": "left",
        "extent": "below_knee",
        "pins_and_needles": "on",
        "onset_days": "20",
        "conditions": ["disc_herniation"],
        "confirmed": "yes",
        "age": "46",
        "sex": "female",
        "pregnancy_weeks": "",
        "pain_leg": "5",
        "pain_back": "3",
        "equipment": ["towel"],
    }
    data.update(changes)
    return data


def with_program(user: User, **changes: Any) -> Profile:
    return services.profile_update(user=user, data=factories.profile(**changes))


@pytest.fixture
def alice(db: None) -> User:
    return make_user("alice")


@pytest.fixture
def bob(db: None) -> User:
    return make_user("bob")


@pytest.fixture
def alice_client(client: Client, alice: User) -> Client:
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob: User) -> Client:
    other = Client()
    other.force_login(bob)
    return other


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    # Rolled-back tests reuse row ids; a page or fragment stored for one test's "user 1, plan 1"
    # must not be served to the next test's (with REDIS_URL set this empties the Redis database).
    from django.core.cache import cache

    cache.clear()
