"""A session on a phone in airplane mode: it runs from the cache, and its log arrives once."""

import json
import time
from typing import Any

import pytest

from sciatica_coach.offline.models import OfflineSession
from sciatica_coach.program.models import SessionLog
from tests.e2e.journey import log_in, person_with_program, pick

pytestmark = pytest.mark.e2e
QUEUE = "sciatica-coach:offline-sessions"


def wait_until(page: Any, promise: str, seconds: float = 10) -> None:
    """Poll a promise-returning expression until it resolves truthy (waitForFunction would take
    the promise itself as the truthy answer)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(promise):
        assert time.monotonic() < deadline, f"timed out waiting for {promise}"
        page.wait_for_timeout(100)


def cut_service_worker_off(route: Any) -> None:
    if route.request.service_worker:
        route.abort("internetdisconnected")
    else:
        route.continue_()


def go_offline(context: Any) -> None:
    context.set_offline(True)
    context.route("**/*", cut_service_worker_off)


def go_online(context: Any) -> None:
    context.unroute("**/*", cut_service_worker_off)
    context.set_offline(False)


def check_answers(page: Any, prefix: str, leg: str, extent: str) -> None:
    pick(page, f"{prefix}-pain_leg", leg)
    pick(page, f"{prefix}-pain_back", "2")
    pick(page, f"{prefix}-extent", extent)


def test_a_session_in_airplane_mode_is_synced_exactly_once(
    page: Any, context: Any, live_server: Any, check: Any
) -> None:
    user = person_with_program("jo")
    log_in(page, live_server.url, "jo")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now through the worker, which keeps Today and the offline players
    wait_until(page, "caches.match('/offline/session/morning/').then(hit => !!hit)")

    go_offline(context)
    page.goto(live_server.url + "/session/morning/start/")
    assert page.get_by_text("This session works without a connection").is_visible()
    check("offline-before")
    check_answers(page, "before", "5", "below_knee")
    page.get_by_role("button", name="Start the exercises").click()
    steps = page.locator("[data-step]").count()
    page.wait_for_function(  # the picture came from the cache too
        "(() => { const i = document.querySelector('[data-step]:not([hidden]) img');"
        " return i && i.complete && i.naturalWidth > 0; })()"
    )
    check("offline-player")
    for _ in range(steps):
        page.get_by_role("button", name="Done, next").click()
    page.get_by_role("link", name="Finish the session").click()
    check_answers(page, "after", "3", "thigh")
    page.get_by_role("button", name="Save and finish").click()
    assert page.get_by_role("heading", name="Well done: session finished").is_visible()
    check("offline-done")
    assert not SessionLog.objects.filter(user=user).exists()  # nothing left the phone
    queued = page.evaluate(f"localStorage.getItem('{QUEUE}')")

    go_online(context)
    page.get_by_text("Sent. Your log is safe.").first.wait_for()
    log = SessionLog.objects.get(user=user)
    assert (log.pain_before_leg, log.pain_after_leg, log.extent_after) == (5, 3, "thigh")
    assert log.ending == SessionLog.Ending.FINISHED
    assert len(log.exercises_done) == steps

    # The same session sent again, as after a lost answer: still one log.
    page.evaluate(f"localStorage.setItem('{QUEUE}', {json.dumps(queued)})")
    page.evaluate("window.SciaticaOffline.flush()")
    page.wait_for_function(f"localStorage.getItem('{QUEUE}') === '{{}}'")
    assert SessionLog.objects.filter(user=user).count() == 1
    assert OfflineSession.objects.filter(user=user).count() == 1
