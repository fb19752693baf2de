"""A phone that used the camera coach keeps its pose model for offline use; when a release
brings a new model (a new folder), the service worker drops the old one: megabytes nobody uses."""

from typing import Any

import pytest

from sciatica_coach.coach.pose_model import pose_model_url

pytestmark = pytest.mark.e2e

OLD = "/static/coach/vendor/mediapipe-pose-0.5.1675469404/pose_solution_simd_wasm_bin.wasm"


def test_a_new_release_drops_the_pose_model_of_an_earlier_one(page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/accounts/login/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    now = pose_model_url() + "vision_wasm_internal.wasm"
    page.evaluate(
        """async ([old, now]) => {
             const cache = await caches.open("coach");
             await cache.put(old, new Response("an earlier release's model"));
             await cache.put(now, new Response("this release's model"));
             for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
           }""",
        [OLD, now],
    )
    page.reload()  # registers the worker again: installed and activated as after a release
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(
        """async (old) => !(await (await caches.open("coach")).match(old))""", arg=OLD
    )
    kept = page.evaluate(
        """async () => (await (await caches.open("coach")).keys())
             .map((r) => new URL(r.url).pathname)"""
    )
    assert kept == [now]
