"""The dashboard: who needs attention and why, most urgent first; its filters; a number of
queries that does not grow with the number of patients; the summary rows behind it."""

import datetime as dt
import inspect

import time_machine
from django.contrib.auth.models import User
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from sciatica_coach.clinic import dashboard
from sciatica_coach.clinic.models import Membership
from sciatica_coach.program import services as program_services
from sciatica_coach.program import summary
from tests import factories
from tests.integration.web.clinic.conftest import Personas, join, named
from tests.integration.web.conftest import with_program

R = "/clinic/riverside-physio"
TODAY = dt.date(2026, 11, 20)


def order_on_dashboard(page: str, names: list[str]) -> list[str]:
    return sorted(names, key=page.index)


def logged(user: User, days: range, *, extent: tuple[str, str] = ("thigh", "thigh")) -> None:
    logs = [
        factories.log((TODAY - dt.timedelta(days=n)).isoformat(), slot, extent=extent)
        for n in days
        for slot in ("morning", "evening")
    ]
    factories.logs_saved(user, logs)
    summary.summary_refresh(user=user, today=TODAY)


def test_every_program_write_service_rebuilds_the_summary() -> None:
    """The one rule for staleness, kept in one place: the program's write services are wrapped
    in ``refreshes_summary`` (the player's step-by-step save is the one named exception)."""
    writes = [
        name
        for name, function in inspect.getmembers(program_services, inspect.isfunction)
        if function.__module__ == program_services.__name__
        and not name.startswith("_")
        and "user" in inspect.signature(function).parameters
    ]
    assert "session_record" in writes
    for name in writes:
        wrapped = getattr(getattr(program_services, name), "refreshes_summary", False)
        assert wrapped or name in summary.NOT_REBUILT, f"{name} does not rebuild the summary"


def test_the_dashboard_puts_warning_signs_first_then_reviews_then_adherence_then_quiet(
    people: Personas,
) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC), tick=False):
        dora, emil, finn = (
            named("dora", "Dora", "Diaz"),
            named("emil", "Emil", "Eng"),
            named("finn", "Finn", "Fox"),
        )
        for person in (dora, emil, finn):
            with_program(person)
            join(people.riverside, person)
        with_program(people.alice, red_flags=["constant_night_pain"])
        with_program(
            people.bob,
            diagnoses=factories.diagnosed("spinal_stenosis"),
            avoid_directions=["flexion"],
        )
    logged(dora, range(1, 8))  # every session this week: nothing needs attention
    logged(emil, range(1, 3))  # two days of seven: adherence under 50 %
    logged(finn, range(5, 8))  # nothing for four days: quiet (and low adherence)
    with time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC), tick=False):
        page = people.client("carol").get(f"{R}/").content.decode()
    names = ["Alice Archer", "Bob Baker", "Emil Eng", "Finn Fox", "Dora Diaz"]
    assert order_on_dashboard(page, names) == [
        "Alice Archer",
        "Bob Baker",
        "Finn Fox",
        "Emil Eng",
        "Dora Diaz",
    ]
    assert "Warning sign reported: " in page
    assert "The engine recommends a clinician&#x27;s review" in page
    assert "Adherence 29% this week (under 50%)" in page
    assert "No session for 5 days" in page


def test_symptoms_spreading_raise_the_patient_with_the_engines_reason(people: Personas) -> None:
    for day in range(3):
        date = (timezone.localdate() - dt.timedelta(days=2 - day)).isoformat()
        plan = program_services.selectors.plan_current(user=people.alice)
        assert plan is not None
        plan_items = [i["exercise"] for i in plan.answer["sessions"][0]["items"]]
        program_services.session_record(
            user=people.alice,
            log=factories.log(
                date, "morning", extent=("thigh", "below_knee"), exercises=plan_items
            ),
        )
    page = people.client("carol").get(f"{R}/?attention=review").content.decode()
    assert "Alice Archer" in page
    assert "symptoms spreading" in page
    assert "Bob Baker" not in page


def test_filters_and_search_narrow_the_list(people: Personas) -> None:
    with_program(people.bob, pain={"leg": 8, "back": 3})
    carol = people.client("carol")
    relief = carol.get(f"{R}/?phase=relief").content.decode()
    assert "Bob Baker" in relief
    assert "Alice Archer" not in relief
    found = carol.get(f"{R}/?q=arch").content.decode()
    assert "Alice Archer" in found
    assert "Bob Baker" not in found


def test_the_dashboard_reads_no_more_queries_for_thirty_patients_than_for_two(
    people: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    carol = people.client("carol")
    carol.get(f"{R}/")  # the session and the user, read once like any later page
    with django_assert_max_num_queries(12) as few:
        carol.get(f"{R}/")
    for n in range(28):
        person = User.objects.create_user(f"p{n}", f"p{n}@example.org", "a-long-Passw0rd!")
        with_program(person)
        Membership.objects.create(clinic=people.riverside, user=person)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = carol.get(f"{R}/").content.decode()
    assert page.count('class="spark"') == 2 * dashboard.PAGE_SIZE  # a page of the thirty


def test_the_patient_page_reads_a_fixed_number_of_queries(
    people: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    carol = people.client("carol")
    path = f"{R}/patients/{people.alice.pk}/"
    carol.get(path)
    with django_assert_max_num_queries(30) as few:
        carol.get(path)
    logged(people.alice, range(1, 60))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert carol.get(path).status_code == 200


def test_the_outcomes_export_is_start_against_latest_with_the_change_that_matters(
    people: Personas,
) -> None:
    from sciatica_coach.questionnaires import services as questionnaire_services

    for pain in (8, 3):
        questionnaire_services.questionnaire_submit(
            user=people.alice,
            instrument="peg",
            answers={"pain": pain, "enjoyment": pain, "activity": pain},
        )
    rows = people.client("erin").get(f"{R}/outcomes.csv").content.decode().splitlines()
    header = rows[0].split(",")
    alice = next(
        r
        for r in rows[1:]
        if r.startswith(f"riverside-physio-{people.alice.clinic_memberships.get().pk},")
    )
    cells = dict(zip(header, alice.split(","), strict=True))
    assert (cells["peg_start"], cells["peg_latest"], cells["peg_change"]) == ("8", "3", "-5")
    assert cells["peg_verdict"] == "improved"
    assert cells["pain_leg_start"] == "5"
    assert "Alice" not in "\n".join(rows)
