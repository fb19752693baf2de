"""Every way of leaving a shared phone leaves no one's pages behind: logout, deletion, an
expired session, and another person signing in. Each goes offline afterwards and finds the
offline notice, never a cached Today, Progress or session."""

import json
import time
from typing import Any

import pytest
from django.contrib.sessions.backends.base import SessionBase

from sciatica_coach.accounts.models import AccountSession
from sciatica_coach.accounts.session_store import SessionStore
from sciatica_coach.accounts.sessions import SEEN
from sciatica_coach.accounts.views import account_cache_key
from sciatica_coach.program.models import SessionLog
from tests.e2e.journey import PASSWORD, log_in, person_with_program
from tests.e2e.test_offline_session import QUEUE, go_offline, go_online, wait_until

pytestmark = pytest.mark.e2e
ACCOUNT_CACHES = "caches.keys().then(k => k.filter(n => n.startsWith('account-')))"
PERSONAL = ("/today/", "/progress/", "/session/morning/start/", "/my-data/")


def keeps_today_offline(page: Any) -> None:
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now through the worker, which keeps Today for this account
    wait_until(page, "caches.match('/offline/session/morning/').then(hit => !!hit)")


def nothing_personal_offline(page: Any, context: Any, base: str, check: Any) -> None:
    wait_until(page, ACCOUNT_CACHES + ".then(k => k.length === 0)")
    # The worker (registered again after the site's storage was cleared) controls the page.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    wait_until(page, "Promise.resolve(!!navigator.serviceWorker.controller)")
    wait_until(page, "caches.match('/offline/').then(hit => !!hit)")
    go_offline(context)
    try:
        for path in PERSONAL:
            page.goto(base + path)
            assert page.get_by_role("heading", name="You are offline").is_visible(), path
            assert page.locator("text=Morning").count() == 0
        check("offline-notice")
        assert page.evaluate(ACCOUNT_CACHES) == []
    finally:
        go_online(context)


def test_after_logging_out_the_phone_keeps_no_page(
    page: Any, context: Any, live_server: Any, check: Any
) -> None:
    person_with_program("lee")
    log_in(page, live_server.url, "lee")
    keeps_today_offline(page)
    page.goto(live_server.url + "/accounts/logout/confirm/")
    check("logout-confirm")
    page.get_by_role("button", name="Log out", exact=True).click()
    page.wait_for_url(live_server.url + "/")
    nothing_personal_offline(page, context, live_server.url, check)


def test_after_deleting_the_account_the_phone_keeps_no_page(
    page: Any, context: Any, live_server: Any, check: Any
) -> None:
    person_with_program("mo")
    log_in(page, live_server.url, "mo")
    keeps_today_offline(page)
    page.goto(live_server.url + "/my-data/")
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("Type DELETE to confirm").fill("DELETE")
    page.get_by_role("button", name="Delete my account for good").click()
    page.wait_for_url(live_server.url + "/")
    nothing_personal_offline(page, context, live_server.url, check)


def test_after_the_session_expires_the_phone_keeps_no_page(
    page: Any, context: Any, live_server: Any, check: Any
) -> None:
    user = person_with_program("ng")
    log_in(page, live_server.url, "ng")
    keeps_today_offline(page)
    # A week and a day without a visit, as far as the server knows.
    for row in AccountSession.objects.filter(account=user):
        session: SessionBase = SessionStore(session_key=row.session_key)
        session[SEEN] = int(time.time()) - 8 * 24 * 60 * 60
        session.save()
    page.goto(live_server.url + "/")  # any page: the start-up check finds no one signed in
    nothing_personal_offline(page, context, live_server.url, check)


def test_when_another_person_signs_in_the_first_ones_pages_and_logs_are_gone(
    page: Any, context: Any, live_server: Any, check: Any
) -> None:
    alice = person_with_program("ola")
    bob = person_with_program("pat")
    log_in(page, live_server.url, "ola")
    keeps_today_offline(page)
    # A session Ola did offline and never sent, still queued on the phone.
    entry = {
        "account": account_cache_key(alice.pk),
        "complete": True,
        "updated": 0,
        "payload": {
            "client_id": "6f1f4c1e-0000-4000-8000-000000000001",
            "plan_id": alice.profile.plan_id,
            "date": "2026-01-01",
            "slot": "morning",
            "before": {"pain_leg": 4, "pain_back": 2, "extent": "thigh", "red_flags": []},
        },
    }
    page.evaluate(f"localStorage.setItem('{QUEUE}', JSON.stringify({json.dumps({'x': entry})}))")
    context.clear_cookies()  # the cookie is lost; Pat signs in on the same phone
    log_in(page, live_server.url, "pat")
    keeps_today_offline(page)
    assert page.evaluate(ACCOUNT_CACHES) == ["account-" + account_cache_key(bob.pk)]
    assert page.evaluate(f"localStorage.getItem('{QUEUE}')") == "{}"
    assert not SessionLog.objects.exists()
    go_offline(context)
    try:
        page.goto(live_server.url + "/session/morning/start/")
        html = page.content()
        assert account_cache_key(bob.pk) in html
        assert account_cache_key(alice.pk) not in html
    finally:
        go_online(context)


def test_offline_a_visitor_who_never_signed_in_sees_the_notice(
    page: Any, context: Any, live_server: Any, check: Any
) -> None:
    page.goto(live_server.url + "/")
    nothing_personal_offline(page, context, live_server.url, check)
