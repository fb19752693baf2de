"""Camera coach benchmark: the pose model in headless Chromium on this machine, against floors.

`sciatica-coach serve` (gunicorn, whitenoise) serves the app; Chromium plays a photo of a person
(scikit-image's astronaut) as its camera. In the guided player the script turns the coach on for
an exercise it follows, and measures:

- time to first landmarks: from turning the coach on to the first body found, split into the
  bundle's download, the model getting ready, and the first frames;
- frames processed per second while the coach watches;
- the floors, in the same page and run: the same model on a blank frame (no body: detection
  only), and a plain loop drawing the camera's frames on a canvas (the browser's own ceiling);
- page weight: what the player page transfers with the coach off, and what turning it on adds.

There is no GPU here: WebGL runs on SwiftShader, in software, so these are floors for a phone.
Run: `.venv/bin/python bench/coach.py [--seconds 20]`. No assertions: figures only.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"

from tests.e2e.fake_camera import clip  # noqa: E402 - after the path is set

from web import free_port, wait_for  # noqa: E402

SEED = """
import json
from django.contrib.auth.models import User
from django.test import Client
from sciatica_coach.program import services
from tests import factories
user = User.objects.create_user("bench", "bench@example.org", "bench-Passw0rd")
services.profile_update(user=user, data=factories.profile())
log = services.session_start(user=user, slot="morning", pain_leg=5, pain_back=3,
                             extent="thigh", red_flags=[])
client = Client()
client.force_login(user)
print(json.dumps({"session": client.cookies["sessionid"].value, "log": log.pk}))
"""

STATS = "document.querySelector('[data-coach]').coachStats"
# Sum of what the page transferred (navigation and every resource), and the coach's share.
WEIGHT = """(() => {
  const all = [...performance.getEntriesByType('navigation'),
               ...performance.getEntriesByType('resource')];
  const sum = (list) => list.reduce((t, e) => t + (e.transferSize || e.encodedBodySize || 0), 0);
  const coach = all.filter((e) => e.name.includes('/coach/'));
  const last = coach.reduce((t, e) => Math.max(t, e.responseEnd), 0);
  return {all: sum(all), coach: sum(coach), coachFiles: coach.length, coachLoadedAt: last,
          decoded: coach.reduce((t, e) => t + (e.decodedBodySize || 0), 0),
          files: coach.map((e) => [e.name.split('/').pop(), e.transferSize, e.decodedBodySize])};
})()"""
# The model alone on a blank frame, and a plain canvas loop over the camera: the floors.
BLANK_MODEL = """async (seconds) => {
  const m = await import('/static/coach/pose.mjs');
  const pose = await m.loadPose(() => {}, false);
  const canvas = document.createElement('canvas');
  canvas.width = 640; canvas.height = 480;
  canvas.getContext('2d').fillRect(0, 0, 640, 480);
  await pose.send({image: canvas});  // warm: shaders compiled, as the coach's were
  let frames = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) { await pose.send({image: canvas}); frames++; }
  const fps = frames / ((performance.now() - start) / 1000);
  await pose.close();
  return fps;
}"""
CANVAS_LOOP = """async (seconds) => {
  const stream = await navigator.mediaDevices.getUserMedia({video: {width: 640, height: 480}});
  const video = document.createElement('video');
  video.muted = true; video.srcObject = stream; await video.play();
  const canvas = document.createElement('canvas');
  canvas.width = 640; canvas.height = 480;
  const ctx = canvas.getContext('2d');
  let frames = 0;
  const start = performance.now();
  await new Promise((done) => {
    const tick = () => {
      ctx.drawImage(video, 0, 0, 640, 480);
      ctx.getImageData(0, 0, 1, 1);  // wait for the draw, as the model's upload does
      frames++;
      if (performance.now() - start < seconds * 1000) requestAnimationFrame(tick); else done();
    };
    requestAnimationFrame(tick);
  });
  stream.getTracks().forEach((t) => t.stop());
  return frames / ((performance.now() - start) / 1000);
}"""


def poll(page: Any, expression: str, timeout_s: float) -> None:
    # wait_for_function compiles its predicate with eval, which the page's policy refuses.
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {expression}")
        time.sleep(0.1)


def measure(base: str, seed: dict[str, Any], y4m: Path, seconds: float) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--enable-unsafe-swiftshader",
                *os.environ.get("BENCH_CHROMIUM_FLAGS", "").split(),
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-video-capture={y4m}",
            ],
        )
        # No service worker: it would hand the page decoded copies and hide what the network
        # carried. This measures a first use.
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, service_workers="block"
        )
        host = base.split("//")[1].split(":")[0]
        context.add_cookies(
            [{"name": "sessionid", "value": seed["session"], "domain": host, "path": "/"}]
        )
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.goto(f"{base}/session/{seed['log']}/")
        page.wait_for_load_state("networkidle")
        off = page.evaluate(WEIGHT)
        while not page.locator(
            "[data-step]:visible[data-coach-view]:not([data-coach-view=''])"
        ).count():
            page.get_by_role("button", name="Skip").click()
        exercise = page.locator("[data-step]:visible").get_attribute("data-exercise")
        page.get_by_role("switch", name="Use camera").check()
        poll(page, f"!!({STATS} && {STATS}.firstLandmarksAt)", 300)
        stats = page.evaluate(STATS)
        on = page.evaluate(WEIGHT)
        frames0, t0 = page.evaluate(f"[{STATS}.frames, performance.now()]")
        time.sleep(seconds)
        frames1, t1 = page.evaluate(f"[{STATS}.frames, performance.now()]")
        page.get_by_role("switch", name="Use camera").uncheck()
        blank_fps = page.evaluate(BLANK_MODEL, seconds / 2)
        canvas_fps = page.evaluate(CANVAS_LOOP, min(5.0, seconds / 2))
        renderer = page.evaluate(
            """(() => { const gl = document.createElement('canvas').getContext('webgl2');
                 const i = gl && gl.getExtension('WEBGL_debug_renderer_info');
                 return i ? gl.getParameter(i.UNMASKED_RENDERER_WEBGL) : 'unknown'; })()"""
        )
        version = browser.version
        browser.close()
    switched = stats["switchedOnAt"]
    return {
        "exercise": exercise,
        "renderer": renderer,
        "chromium": version,
        "weight_off": off["all"],
        "coach_bytes": on["coach"],
        "coach_decoded": on["decoded"],
        "coach_files": on["coachFiles"],
        "files": on["files"],
        "load": os.getloadavg()[0],
        "bundle_s": (on["coachLoadedAt"] - switched) / 1000,
        "camera_s": ((stats["startedAt"] or switched) - switched) / 1000,
        "first_landmarks_s": (stats["firstLandmarksAt"] - switched) / 1000,
        "fps": (frames1 - frames0) / ((t1 - t0) / 1000),
        "blank_fps": blank_fps,
        "canvas_fps": canvas_fps,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20, help="how long to count frames")
    args = parser.parse_args()
    coach = str(BIN / "sciatica-coach")
    with tempfile.TemporaryDirectory(prefix="bench-coach-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "SCIATICA_COACH_DATA_DIR": str(work / "data")}
        env.pop("DATABASE_URL", None)
        (work / "data").mkdir()
        subprocess.run([coach, "manage", "migrate", "-v", "0"], env=env, check=True)
        seed = json.loads(
            subprocess.run(
                [coach, "manage", "shell", "-c", SEED],
                env={**env, "PYTHONPATH": str(ROOT)},
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        port = free_port()
        server = subprocess.Popen(
            [coach, "serve", "--port", str(port), "--workers", "2"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/health/", timeout=120)  # the first start collects static files
            r = measure(base, seed, clip(work), args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"Camera coach on {r['exercise']}, Chromium {r['chromium']}, WebGL: {r['renderer']}")
    print()
    print("| measure | value | ÷ floor |")
    print("| --- | ---: | ---: |")
    print(f"| frames a second, coach watching a person | {r['fps']:.2f} | 1 |")
    print(
        f"| frames a second, model on a blank frame (floor) | {r['blank_fps']:.2f} | "
        f"{r['fps'] / r['blank_fps']:.2f} |"
    )
    print(
        f"| frames a second, plain canvas loop (ceiling) | {r['canvas_fps']:.1f} | "
        f"{r['fps'] / r['canvas_fps']:.3f} |"
    )
    print(f"| switch on → bundle downloaded | {r['bundle_s']:.2f} s | |")
    print(f"| switch on → camera running | {r['camera_s']:.2f} s | |")
    print(
        f"| switch on → first landmarks | {r['first_landmarks_s']:.2f} s | "
        f"{r['first_landmarks_s'] / max(r['bundle_s'], 0.001):.1f} × download |"
    )
    print()
    print(f"Player page with the coach off: {r['weight_off']:,} bytes transferred.")
    print(
        f"Turning it on adds {r['coach_files']} files: {r['coach_bytes']:,} bytes transferred "
        f"({r['coach_decoded']:,} decoded)."
    )
    print()
    print("| file loaded on turning the coach on | transferred | decoded |")
    print("| --- | ---: | ---: |")
    for name, sent, decoded in r["files"]:
        print(f"| `{name}` | {sent:,} | {decoded:,} |")
    print()
    print(f"Load average (1 min) at the end: {r['load']:.2f} on {os.cpu_count()} CPUs.")


if __name__ == "__main__":
    main()
