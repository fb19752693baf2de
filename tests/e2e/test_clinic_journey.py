"""A clinic's week in a real browser at phone size, with axe-core on every page: a clinician
invites a patient, the patient joins, the clinician confirms the cause and clears a warning sign,
the patient's Today unlocks, the patient logs a week, the dashboard raises them when their
symptoms spread, the clinician sets the directional preference, and the report prints."""

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.utils import timezone

from sciatica_coach.clinic import services as clinic_services
from sciatica_coach.clinic.models import AuditEvent, Membership, Staff
from sciatica_coach.engine.vocabulary import CONDITION_TEXT, RED_FLAGS
from sciatica_coach.program import selectors, services
from tests import factories
from tests.e2e.conftest import PageChecker
from tests.e2e.journey import PASSWORD, answer_safety, pick, session_check, sign_up

pytestmark = pytest.mark.e2e
CLINIC = "/clinic/riverside-physio"


def log_in(page: Any, base_url: str, username: str, then: str) -> None:
    """Open ``then``, logging in first when the session has ended (a week passes here)."""
    page.goto(f"{base_url}{then}")
    if "/accounts/login/" not in page.url:
        return
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{then}")


def intake_with_a_sign_and_no_confirmed_cause(page: Any, check: Any) -> None:
    answer_safety(page, check, red_flag="constant_night_pain")
    pick(page, "leg_side", "left")
    pick(page, "extent", "thigh")
    page.get_by_label("I have pins and needles").check()
    page.get_by_label("How many days ago did it start?").fill("20")
    page.get_by_label("A slipped, bulging or herniated disc").check()
    pick(page, "confirmed", "no")
    page.get_by_label("Your age").fill("46")
    pick(page, "sex", "female")
    pick(page, "pain_leg", "5")
    pick(page, "pain_back", "3")
    page.get_by_role("button", name="Make my plan").click()


def a_week_of_sessions(user: User, start: dt.date) -> None:
    """Six days after the first, morning and evening, as logged from the phone."""
    for day in range(1, 7):
        with time_machine.travel(dt.datetime.combine(start + dt.timedelta(days=day), dt.time(20))):
            plan = selectors.plan_current(user=user)
            assert plan is not None
            for session in plan.answer["sessions"]:
                log = factories.log(
                    timezone.localdate().isoformat(),
                    session["slot"],
                    pain=(4, 3),
                    pain_after=(3, 2),
                    exercises=[i["exercise"] for i in session["items"]],
                )
                services.session_record(user=user, log=log)


def test_a_clinician_runs_a_week_of_care_from_invitation_to_printed_report(
    page: Any, browser: Any, browser_context_args: dict[str, Any], live_server: Any, check: Any,
    axe_source: str,
) -> None:  # fmt: skip
    base = live_server.url
    start = timezone.localdate() - dt.timedelta(days=7)
    traveller = time_machine.travel(dt.datetime.combine(start, dt.time(9)), tick=True)
    traveller.start()
    patient_context = browser.new_context(**browser_context_args)
    pat = patient_context.new_page()
    pat.set_default_timeout(10_000)
    pat_check = PageChecker(pat, axe_source, "clinic-patient")
    try:
        carol = User.objects.create_user("carol", "carol@example.org", PASSWORD)
        carol.first_name, carol.last_name = "Carol", "Hughes"
        carol.save()
        riverside = clinic_services.clinic_create(name="Riverside Physio")
        Staff.objects.create(clinic=riverside, user=carol, role=Staff.Role.CLINICIAN)

        # The clinician makes an invitation.
        log_in(page, base, "carol", f"{CLINIC}/")
        check("clinic-dashboard-empty")
        page.get_by_role("link", name="Invitations").first.click()
        page.get_by_label("Who it is for (seen by the clinic only)").fill("Pat, Tuesday clinic")
        page.get_by_role("button", name="Make an invitation").click()
        link = page.locator("[data-invitation-link]").get_attribute("href")
        assert link is not None
        check("clinic-invitation")

        # The patient signs up, answers the intake (no confirmed cause, a sign to check): no
        # program yet. Then joins through the link, seeing who will see their records.
        sign_up(pat, base, "pat", pat_check)
        intake_with_a_sign_and_no_confirmed_cause(pat, pat_check)
        pat.wait_for_url("**/today/")
        assert pat.get_by_role("link", name="Start morning session").count() == 0
        pat_check("patient-waiting")
        pat.goto(link)
        assert pat.get_by_text("Carol Hughes").is_visible()
        pat_check("patient-join")
        pat.get_by_role("button", name="Join Riverside Physio").click()
        pat.wait_for_url("**/clinic/mine/")
        pat_check("patient-my-clinic")

        # The clinician confirms the cause and clears the sign after assessing it.
        page.goto(f"{base}{CLINIC}/")
        page.get_by_role("link", name="pat").click()
        check("clinic-patient")
        page.get_by_label(CONDITION_TEXT["disc_herniation"]).check()
        page.get_by_role("button", name="Save the cause").click()
        assert page.get_by_text("The cause is recorded").is_visible()
        page.select_option("#act-flag select", "constant_night_pain")
        page.locator("#act-flag textarea").fill("Mechanical night pain; eases on turning.")
        page.get_by_role("button", name="Clear it").click()
        assert page.get_by_text("The warning sign is cleared").is_visible()
        check("clinic-patient-after")

        # The patient's Today unlocks, saying who changed it.
        pat.goto(f"{base}/today/")
        assert pat.get_by_role("link", name="Start morning session").is_visible()
        assert pat.get_by_text("Carol Hughes, Riverside Physio", exact=True).is_visible()
        assert pat.get_by_text(
            f"Assessed and cleared: {RED_FLAGS['constant_night_pain'].text}"
        ).is_visible()
        pat_check("patient-today-unlocked")
        patient = User.objects.get(username="pat")
        a_week_of_sessions(patient, start)
    finally:
        traveller.stop()
    try:
        # A week on: this morning's session spreads the symptoms below the knee.
        log_in(pat, base, "pat", "/today/")
        pat.get_by_role("link", name="Start morning session").click()
        session_check(pat, "4", "3", "thigh")
        pat.get_by_role("button", name="Start the exercises").click()
        pat.wait_for_url("**/session/*/")
        for _ in range(pat.locator("[data-step]").count()):
            pat.get_by_role("button", name="Done, next").click()
        pat.get_by_role("link", name="Finish the session").click()
        session_check(pat, "6", "3", "below_knee")
        pat.get_by_role("button", name="Save and finish").click()
        pat_check("patient-spread")

        # The dashboard raises them, with the engine's reason.
        log_in(page, base, "carol", f"{CLINIC}/")
        row = page.get_by_role("row").filter(has_text="pat")
        assert row.get_by_text("symptoms spreading").is_visible()
        check("clinic-dashboard-raised")

        # The clinician sets the preference after assessment; the patient sees it.
        row.get_by_role("link", name="pat").click()
        page.get_by_label("repeated forward bending centralises or eases the leg symptoms").check()
        page.get_by_role("button", name="Set the preference").click()
        assert page.get_by_text("The preference is set").is_visible()
        profile = selectors.profile_get(user=patient)
        assert profile is not None
        assert profile.data["directional_preference"] == "flexion"

        # The report prints.
        report = page.request.get(f"{base}{CLINIC}/patients/{patient.pk}/report.pdf")
        assert report.status == 200
        assert report.headers["content-type"] == "application/pdf"
        assert report.body()[:5] == b"%PDF-"

        # Every step is in the patient's own audit log.
        pat.goto(f"{base}/clinic/mine/log/")
        pat_check("patient-audit-log")
        whats = set(AuditEvent.objects.filter(user=patient).values_list("what", flat=True))
        assert {
            "membership",
            "dashboard",
            "patient_page",
            "diagnosis",
            "red_flag_cleared",
            "directional_preference",
            "consultation_report",
        } <= whats
    finally:
        patient_context.close()


def test_the_clinics_other_pages_work_on_a_phone(page: Any, live_server: Any, check: Any) -> None:
    base = live_server.url
    riverside = clinic_services.clinic_create(name="Riverside Physio")
    for username, role in (("carol", Staff.Role.CLINICIAN), ("erin", Staff.Role.ADMIN)):
        user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
        Staff.objects.create(clinic=riverside, user=user, role=role)
    pat = User.objects.create_user("pat", "pat@example.org", PASSWORD)
    services.profile_update(user=pat, data=factories.profile(equipment=["towel"]))
    Membership.objects.create(clinic=riverside, user=pat)

    log_in(page, base, "carol", f"{CLINIC}/patients/{pat.pk}/")
    page.locator("#act-template input[name=name]").fill("Disc, first weeks")
    page.get_by_role("button", name="Save template").click()
    page.get_by_role("link", name="Templates").first.click()
    page.get_by_role("link", name="Disc, first weeks").click()
    page.get_by_role("checkbox", name="pat").check()
    page.get_by_role("button", name="Give the template").click()
    assert page.get_by_text("What each patient got").is_visible()
    check("clinic-templates")
    page.context.clear_cookies()  # carol's session goes; erin logs in

    log_in(page, base, "erin", f"{CLINIC}/manage/")
    check("clinic-manage")
    page.get_by_label("Username").fill("nobody")
    page.get_by_role("button", name="Add").click()
    assert page.get_by_text("no account has this username").is_visible()
    check("clinic-manage-refused")
    page.goto(f"{base}/clinic/")
    check("clinic-home")
