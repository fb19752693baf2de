"""Steps a person takes in the browser, shared by the journey tests."""

from typing import Any

from sciatica_coach.engine.vocabulary import RED_FLAGS

PASSWORD = "quiet-River-72"  # noqa: S105 - the browser tests' own accounts


def sign_up(page: Any, base_url: str, username: str, check: Any) -> None:
    page.goto(base_url + "/")
    check("home")
    page.get_by_role("link", name="Start now").click()
    check("signup")
    page.get_by_label("Username").fill(username)
    page.get_by_label("E-mail").fill(f"{username}@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Make my account").click()
    page.wait_for_url("**/intake/")


def pick(page: Any, field: str, value: str) -> None:
    """Click the label of one radio option (the pain buttons hide their input)."""
    page.locator(f"input[name={field}][value='{value}']").locator("xpath=..").click()


def answer_safety(page: Any, check: Any, *, red_flag: str | None = None) -> None:
    """The intake's first step: the warning signs, on their own."""
    pick(page, "safety-pregnancy_status", "none")
    if red_flag:
        page.get_by_label(RED_FLAGS[red_flag].text, exact=True).first.check()  # type: ignore[index]
    check("intake-safety")
    page.get_by_role("button", name="Next").click()


def fill_intake(page: Any, check: Any, *, confirmed: str = "yes") -> None:
    answer_safety(page, check)
    pick(page, "leg_side", "left")
    pick(page, "extent", "below_knee")
    page.get_by_label("I have pins and needles").check()
    page.get_by_label("How many days ago did it start?").fill("20")
    page.get_by_label("A slipped, bulging or herniated disc").check()
    pick(page, "confirmed", confirmed)
    page.get_by_label("Your age").fill("46")
    pick(page, "sex", "female")
    pick(page, "pain_leg", "6")
    pick(page, "pain_back", "3")
    page.get_by_label("A towel").check()
    check("intake")
    page.get_by_role("button", name="Make my plan").click()


def session_check(page: Any, leg: str, back: str, extent: str) -> None:
    pick(page, "pain_leg", leg)
    pick(page, "pain_back", back)
    pick(page, "extent", extent)


def person_with_program(username: str, **profile_changes: Any) -> Any:
    """An account whose intake is done and whose plan is a program."""
    from django.contrib.auth.models import User

    from sciatica_coach.program import services
    from tests import factories

    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    services.profile_update(user=user, data=factories.profile(**profile_changes))
    return user


def log_in(page: Any, base_url: str, username: str) -> None:
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/today/")
