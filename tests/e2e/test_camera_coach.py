"""The camera coach in real Chromium, with a fake camera playing a photo of a person.

WebGL runs on SwiftShader here (no GPU), so the model is slow: these tests wait for it.
"""

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import ARTIFACTS, CHROMIUM, PHONE, PageChecker
from tests.e2e.fake_camera import clip
from tests.e2e.journey import PASSWORD, log_in, person_with_program, session_check

pytestmark = pytest.mark.e2e

MODEL_TIMEOUT_MS = 120_000
STATS = "document.querySelector('[data-coach]').coachStats"  # coach.mjs keeps its figures there
SKELETON_YELLOW = (0xFF, 0xD2, 0x3F)  # pose.mjs strokeStyle

# Records every getUserMedia call and every stop of its tracks, in the page's own storage, so a
# test can tell the camera was released even after the page has gone.
CAMERA_LOG = """
(() => {
  const media = navigator.mediaDevices;
  if (!media || !media.getUserMedia) return;
  const log = (entry) => {
    const all = JSON.parse(localStorage.getItem("camera-log") || "[]");
    all.push(entry);
    localStorage.setItem("camera-log", JSON.stringify(all));
  };
  const original = media.getUserMedia.bind(media);
  media.getUserMedia = (constraints) => original(constraints).then((stream) => {
    log("start");
    stream.getTracks().forEach((track) => {
      const stop = track.stop.bind(track);
      track.stop = () => { log("stop"); stop(); };
    });
    return stream;
  });
})();
"""


@pytest.fixture(scope="module")
def camera_browser(playwright: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    y4m = clip(tmp_path_factory.mktemp("camera"))
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--headless",
            "--no-sandbox",
            "--enable-unsafe-swiftshader",  # WebGL in software: there is no GPU here
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={y4m}",
        ],
    )
    yield browser
    browser.close()


class Requests:
    """Every request the page makes; anything not for our own server is refused."""

    def __init__(self, context: Any, origin: str) -> None:
        self.origin = origin
        self.seen: list[str] = []
        self.refused: list[str] = []
        context.route("**/*", self._route)
        context.on("websocket", lambda ws: self.refused.append(ws.url))

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.seen.append(url)
        if urlsplit(url)._replace(path="", query="", fragment="").geturl() != self.origin:
            self.refused.append(url)
            route.abort()
        else:
            route.continue_()


@pytest.fixture
def coach_page(camera_browser: Any, live_server: Any, axe_source: str) -> Iterator[Any]:
    context = camera_browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_init_script(CAMERA_LOG)
    page = context.new_page()
    # Generous: with the model running on a software GPU, a screenshot waits its turn.
    page.set_default_timeout(60_000)
    page.requests = Requests(context, live_server.url)
    page.check_page = PageChecker(page, axe_source, "camera-coach")
    yield page
    context.close()


def wait_until(page: Any, expression: str, timeout_ms: int = 15_000) -> None:
    """Poll ``expression`` in the page. (Playwright's wait_for_function compiles its predicate
    with eval, which the page's own policy rightly refuses.)"""
    waited = 0
    while not page.evaluate(expression):
        if waited >= timeout_ms:
            state = page.evaluate(
                "[document.querySelector('.coach-status')?.textContent,"
                " localStorage.getItem('camera-log'), document.hidden]"
            )
            raise AssertionError(f"still false after {timeout_ms} ms: {expression}; {state}")
        page.wait_for_timeout(250)
        waited += 250


def open_player(page: Any, base_url: str, username: str) -> None:
    person_with_program(username)
    log_in(page, base_url, username)
    page.get_by_role("link", name="Start morning session").click()
    session_check(page, "4", "2", "thigh")
    page.get_by_role("button", name="Start the exercises").click()
    page.wait_for_url("**/session/*/")


def go_to(page: Any, name: str) -> None:
    while not page.get_by_role("heading", name=name, exact=True).is_visible():
        page.get_by_role("button", name="Skip").click()


def camera_log(page: Any) -> list[str]:
    log: list[str] = page.evaluate("JSON.parse(localStorage.getItem('camera-log') || '[]')")
    return log


def camera_on(page: Any) -> bool:
    on: bool = page.evaluate(
        "!!document.querySelector('.coach-video') && "
        "!!document.querySelector('.coach-video').srcObject"
    )
    return on


def skeleton_pixels(page: Any) -> int:
    count: int = page.evaluate(
        """([r, g, b]) => {
             const c = document.querySelector('.coach-preview');
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             let n = 0;
             const near = (a, b) => Math.abs(a - b) < 8;
             for (let i = 0; i < d.length; i += 4)
               if (near(d[i], r) && near(d[i + 1], g) && near(d[i + 2], b)) n++;
             return n;
           }""",
        list(SKELETON_YELLOW),
    )
    return count


def test_the_coach_finds_a_body_from_our_own_origin_and_sends_nothing_while_watching(
    coach_page: Any, live_server: Any
) -> None:
    page = coach_page
    open_player(page, live_server.url, "cam")
    # Nothing of the coach loads until the person turns it on.
    assert not [u for u in page.requests.seen if "/coach/" in u]
    switch = page.get_by_role("switch", name="Use camera")
    switch.wait_for()
    assert not switch.is_checked()
    page.check_page("player-coach-off")

    # The first exercise is one the coach cannot follow: it says so and leaves the camera off.
    switch.check()
    status = page.get_by_role("status").filter(has_text="cannot follow")
    status.wait_for(timeout=MODEL_TIMEOUT_MS)
    assert not camera_on(page)

    go_to(page, "Side plank on your knees")
    wait_until(page, f"{STATS}.firstLandmarksAt !== null", MODEL_TIMEOUT_MS)
    assert camera_on(page)
    assert page.get_by_text("Prop your phone up a few steps away, facing you").count() + (
        page.get_by_role("status").filter(has_text="Watching").count()
    )
    wait_until(page, f"{STATS}.frames >= 3")
    assert skeleton_pixels(page) > 200, "no body drawn on the preview"
    page.screenshot(path=str(ARTIFACTS / "camera-coach-watching.png"))
    page.check_page("player-coach-watching")
    # Everything came from our own server, and nothing was refused.
    assert page.requests.refused == []
    vendored = [u for u in page.requests.seen if "/static/coach/vendor/" in u]
    assert any(u.endswith("pose_landmarker_lite.task") for u in vendored)
    assert any(u.endswith(".wasm") for u in vendored)
    assert not [u for u in page.requests.seen if "heavy" in u or "full" in u]

    # While the camera watches, no request at all leaves the page.
    page.requests.seen.clear()
    frames_before = page.evaluate(f"{STATS}.frames")
    page.wait_for_timeout(5_000)
    frames_after = page.evaluate(f"{STATS}.frames")
    assert frames_after > frames_before
    assert page.requests.seen == []
    assert page.requests.refused == []

    # "Stop if it spreads" stays on screen while the coach is on.
    page.mouse.wheel(0, -5000)
    stop = page.get_by_role("link", name="Stop: it is spreading")
    box = stop.bounding_box()
    assert box is not None
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= PHONE["height"]


def test_the_camera_stops_when_the_player_is_paused_hidden_or_left(
    coach_page: Any, live_server: Any
) -> None:
    page = coach_page
    open_player(page, live_server.url, "cam2")
    go_to(page, "Side plank on your knees")
    page.get_by_role("switch", name="Use camera").check()
    wait_until(page, "!!document.querySelector('.coach-video')?.srcObject", MODEL_TIMEOUT_MS)

    page.get_by_role("button", name="Pause").click()
    assert not camera_on(page)
    assert camera_log(page)[-1] == "stop"
    page.get_by_role("status").filter(has_text="Camera off while paused").wait_for()
    page.get_by_role("button", name="Pause").click()
    wait_until(page, "!!document.querySelector('.coach-video').srcObject", MODEL_TIMEOUT_MS)
    assert camera_log(page)[-1] == "start"

    # The page hidden (another app in front, the screen locked).
    page.evaluate(
        """() => {
             Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});
             document.dispatchEvent(new Event('visibilitychange'));
           }"""
    )
    assert not camera_on(page)
    assert camera_log(page)[-1] == "stop"
    page.evaluate(
        """() => {
             Object.defineProperty(document, 'hidden', {configurable: true, get: () => false});
             document.dispatchEvent(new Event('visibilitychange'));
           }"""
    )
    wait_until(page, "!!document.querySelector('.coach-video').srcObject", MODEL_TIMEOUT_MS)

    # Leaving the player.
    page.get_by_role("link", name="Today").click()
    page.wait_for_url("**/today/")
    log = camera_log(page)
    assert log[-1] == "stop"
    assert log.count("start") == log.count("stop")


def test_a_pause_while_the_video_is_starting_is_a_pause_not_a_missing_camera(
    coach_page: Any, live_server: Any
) -> None:
    page = coach_page
    # The person pauses just as the camera's video starts: play() is still pending when the
    # pause takes the camera away, and the browser rejects it ("interrupted by a new load
    # request"), as it did on a loaded machine.
    page.add_init_script(
        """(() => {
             const play = HTMLMediaElement.prototype.play;
             HTMLMediaElement.prototype.play = function () {
               const started = play.call(this);
               if (this.classList.contains("coach-video") && !window.pausedOnce) {
                 window.pausedOnce = true;
                 [...document.querySelectorAll("button")]
                   .find((b) => b.textContent.trim() === "Pause").click();
               }
               return started;
             };
           })()"""
    )
    open_player(page, live_server.url, "cam4")
    go_to(page, "Side plank on your knees")
    page.get_by_role("switch", name="Use camera").check()
    wait_until(page, "!!window.pausedOnce", MODEL_TIMEOUT_MS)
    page.wait_for_timeout(500)  # the rejected play() has been handled by now
    page.get_by_role("status").filter(has_text="Camera off while paused").wait_for()
    assert page.get_by_role("switch", name="Use camera").is_checked()
    page.get_by_role("button", name="Pause").click()  # resume: the coach carries on
    wait_until(page, "!!document.querySelector('.coach-video').srcObject", MODEL_TIMEOUT_MS)


def test_without_a_camera_the_player_shows_no_switch_and_loads_nothing_of_the_coach(
    page: Any, live_server: Any, check: Any
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    person_with_program("nocam")
    log_in(page, live_server.url, "nocam")
    page.get_by_role("link", name="Start morning session").click()
    session_check(page, "4", "2", "thigh")
    page.get_by_role("button", name="Start the exercises").click()
    page.wait_for_url("**/session/*/")
    page.wait_for_timeout(500)
    assert page.get_by_role("switch", name="Use camera").count() == 0
    assert page.locator("[data-coach]").is_hidden()
    page.get_by_role("button", name="+1 done").click()
    assert page.locator("[data-step]:visible [data-count]").inner_text() == "1"
    assert not [u for u in requests if "/coach/" in u]
    check("player-no-camera")


def test_the_check_page_runs_the_model_on_a_still_photo_for_staff(
    coach_page: Any, live_server: Any
) -> None:
    from django.contrib.auth.models import User

    User.objects.create_user("staffer", "staffer@example.org", PASSWORD, is_staff=True)
    page = coach_page
    page.goto(live_server.url + "/accounts/login/?next=/coach/check/")
    page.get_by_label("Username").fill("staffer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/coach/check/")
    page.get_by_role("button", name="Try the sample photo").click()
    page.get_by_role("status").filter(has_text="Found a body").wait_for(timeout=MODEL_TIMEOUT_MS)
    assert page.get_by_role("row", name="left shoulder").is_visible()
    page.check_page("check-page")
    assert page.requests.refused == []


# Stands in for coach.mjs: hands the page what the player lends the coach, and runs no model.
FAKE_COACH = """
export function attach(box, player) {
  window.lentPlayer = player;
  return { on() {}, off() {}, changed() { window.coachChanges = (window.coachChanges || 0) + 1; } };
}
"""


def test_the_coach_drives_the_players_own_hold_timer_and_counter_once(
    coach_page: Any, live_server: Any
) -> None:
    page = coach_page
    # On the context, as the service worker's requests are routed there too.
    page.context.route(
        "**/static/coach/coach.mjs",
        lambda route: route.fulfill(body=FAKE_COACH, content_type="text/javascript"),
    )
    open_player(page, live_server.url, "driven")
    go_to(page, "Glute bridge")  # a 3-second hold
    page.get_by_role("switch", name="Use camera").check()
    wait_until(page, "!!window.lentPlayer")
    count = page.locator("[data-step]:visible [data-count]")
    time = page.locator("[data-step]:visible [data-time]")

    # Reaching the position starts the player's own timer; its end does not count by itself...
    page.evaluate("lentPlayer.hold(true)")
    page.locator("[data-step]:visible [data-time-status]").filter(has_text="Time is up").wait_for()
    assert count.inner_text() == "0"
    # ...coming back does, once.
    page.evaluate("lentPlayer.countUp()")
    assert count.inner_text() == "1"

    # Out of position, the timer waits.
    page.evaluate("lentPlayer.hold(true)")
    page.wait_for_timeout(1_200)
    page.evaluate("lentPlayer.hold(false)")
    frozen = time.inner_text()
    page.wait_for_timeout(2_200)
    assert time.inner_text() == frozen
    page.evaluate("lentPlayer.hold(true)")
    page.locator("[data-step]:visible [data-time-status]").filter(has_text="Time is up").wait_for()
    page.evaluate("lentPlayer.countUp()")
    assert count.inner_text() == "2"

    # A hold started by hand that the coach then sees is counted once, by the coach.
    page.get_by_role("button", name="Start hold").click()
    page.evaluate("lentPlayer.hold(true)")
    page.wait_for_timeout(4_000)
    assert count.inner_text() == "2"
    page.evaluate("lentPlayer.countUp()")
    assert count.inner_text() == "3"

    # Pausing and moving on tell the coach, which then looks again at what to do.
    before = page.evaluate("window.coachChanges || 0")
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Done, next").click()
    assert page.evaluate("window.coachChanges") == before + 3
