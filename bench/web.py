"""Web benchmark: `sciatica-coach serve` (gunicorn, 2 workers) against two floors, with wrk.

Floors on the same gunicorn settings: a bare Django app (no middleware, one indexed SELECT) and
a trivial view inside our project (all our middleware, no database). Prints requests/s, p50/p99,
the ratios, RSS per worker and every page's transfer size; writes the "Web" section of
docs/benchmarks.md. Run: `.venv/bin/python bench/web.py` (needs wrk). No assertions: figures only.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DURATION = os.environ.get("BENCH_DURATION", "5s")
ANONYMOUS_PAGES = ["/", "/accounts/login/", "/accounts/signup/"]
PAGES = [
    *ANONYMOUS_PAGES,
    "/intake/",
    "/today/",
    "/exercises/",
    "/exercises/bird_dog/",
    "/session/morning/start/",
    "/session/{log}/",
    "/review/",
    "/assessment/",
]

SEED = """
import json
from django.contrib.auth.models import User
from django.test import Client
from sciatica_coach.program import services
from tests import factories
user = User.objects.create_user("bench", "bench@example.org", "bench-Passw0rd")
services.profile_update(user=user, data=factories.profile(equipment=["towel"]))
log = services.session_start(user=user, slot="morning", pain_leg=5, pain_back=3,
                             extent="thigh", red_flags=[])
client = Client()
client.force_login(user)
print(json.dumps({"session": client.cookies["sessionid"].value, "log": log.pk}))
"""


@dataclass
class Run:
    name: str
    concurrency: int
    rps: float
    p50_ms: float
    p99_ms: float


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 - our own loopback server
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server at {url} did not start")


def ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(name: str, url: str, concurrency: int, script: Path | None) -> Run:
    threads = min(concurrency, 2)
    args = [
        "timeout",
        "30",
        "wrk",
        f"-t{threads}",
        f"-c{concurrency}",
        f"-d{DURATION}",
        "--latency",
    ]
    if script:
        args += ["-s", str(script)]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"warning: {name}: {errors.group(1)} error responses", file=sys.stderr)
    return Run(name, concurrency, rps, p50, p99)


def lua(directory: Path, name: str, cookie: str, method: str = "GET", body: str = "") -> Path:
    path = directory / f"{name}.lua"
    lines = [f'wrk.method = "{method}"', f'wrk.headers["Cookie"] = "{cookie}"']
    if method == "POST":
        lines += [
            f'wrk.body = "{body}"',
            'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"',
            'wrk.headers["X-CSRFToken"] = "benchbenchbenchbenchbenchbench12"',
        ]
    path.write_text("\n".join(lines) + "\n")
    return path


def rss_per_worker_mb(master: int) -> list[float]:
    out = subprocess.run(
        ["ps", "--ppid", str(master), "-o", "rss="], capture_output=True, text=True, check=False
    ).stdout
    return [int(line) / 1024 for line in out.split()]


def transfer_sizes(base: str, cookie: str, log: int) -> list[tuple[str, int, int]]:
    """Bytes of each page plus its CSS, JS and icon, uncached, plain and gzip."""
    sizes = []
    for page in PAGES:
        url = base + page.format(log=log)
        total_plain = total_gzip = 0
        html = ""
        assets: list[str] = []
        for target in [url, *assets]:
            for encoding in ("identity", "gzip"):
                headers = {"Accept-Encoding": encoding}
                if page not in ANONYMOUS_PAGES:
                    headers["Cookie"] = cookie
                request = urllib.request.Request(target, headers=headers)  # noqa: S310
                with urllib.request.urlopen(request) as response:  # noqa: S310
                    body = response.read()
                if encoding == "identity":
                    total_plain += len(body)
                    if target == url:
                        html = body.decode()
                else:
                    total_gzip += len(body)
            if target == url:
                assets = [base + a for a in re.findall(r'(?:href|src)="(/static/[^"]+)"', html)]
                for asset in assets:
                    for encoding in ("identity", "gzip"):
                        request = urllib.request.Request(  # noqa: S310
                            asset, headers={"Accept-Encoding": encoding}
                        )
                        with urllib.request.urlopen(request) as response:  # noqa: S310
                            size = len(response.read())
                        if encoding == "identity":
                            total_plain += size
                        else:
                            total_gzip += size
                break
        sizes.append((page, total_plain, total_gzip))
    return sizes


@contextmanager
def pdf_loop(base: str, cookie: str) -> Iterator[list[int]]:
    """One client fetching /today/plan.pdf back to back; yields the status codes it got."""
    statuses: list[int] = []
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            request = urllib.request.Request(  # noqa: S310 - our own loopback server
                base + "/today/plan.pdf", headers={"Cookie": cookie}
            )
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                    response.read()
                    statuses.append(response.status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)

    thread = threading.Thread(target=loop)
    thread.start()
    try:
        yield statuses
    finally:
        stop.set()
        thread.join(60)


def start(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        args, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    work = Path(tempfile.mkdtemp(prefix="sciatica-bench-"))
    env = {**os.environ, "SCIATICA_COACH_DATA_DIR": str(work / "data")}
    env.pop("DATABASE_URL", None)
    coach = str(BIN / "sciatica-coach")
    subprocess.run([coach, "manage", "migrate", "-v", "0"], env=env, check=True)
    seeded = (
        subprocess.run(
            [coach, "manage", "shell", "-c", SEED],
            env={**env, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    seed = json.loads(seeded)
    cookie = f"sessionid={seed['session']}; csrftoken=benchbenchbenchbenchbenchbench12"

    port, bare_port = free_port(), free_port()
    base = f"http://127.0.0.1:{port}"
    server = start([coach, "serve", "--port", str(port), "--workers", "2"], env, ROOT)
    bare = start(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bare_app:application",
            "--bind",
            f"127.0.0.1:{bare_port}",
            "--workers",
            "2",
            "--preload",
            "--access-logfile",
            "/dev/null",
            "--no-control-socket",
            "--config",
            "python:sciatica_coach.web.gunicorn_conf",
        ],
        {**env, "BARE_DB": str(work / "bare.sqlite3")},
        ROOT / "bench",
    )
    runs: list[Run] = []
    try:
        wait_for(base + "/health/live/")
        wait_for(f"http://127.0.0.1:{bare_port}/")
        today = lua(work, "today", cookie)
        step = lua(work, "step", cookie, "POST", "step=1&done=pelvic_tilt")
        start_body = "pain_leg=5&pain_back=3&extent=thigh"
        begin = lua(work, "start", cookie, "POST", start_body)
        targets = [
            ("bare floor", f"http://127.0.0.1:{bare_port}/", None),
            ("trivial view", base + "/health/live/", None),
            ("health", base + "/health/", None),
            ("Today (GET)", base + "/today/", today),
            ("log a step (POST)", f"{base}/session/{seed['log']}/progress/", step),
            # Last: every request adds a log, and nothing measured after it should see them.
            ("start a session (POST)", base + "/session/morning/start/", begin),
        ]
        for name, url, script in targets:
            for concurrency in (1, 8):
                runs.append(wrk(name, url, concurrency, script))
        runs.sort(key=lambda run: run.concurrency)
        # The same person asks for their plan PDF over and over while others use the app.
        with pdf_loop(base, cookie) as pdfs:
            # Measured once the loop is in its steady state: each server process has drawn the
            # day's PDF once (it keeps it per plan and day) and the rest are the kept copy.
            warm_until = time.monotonic() + 60
            while len(pdfs) < 6 and time.monotonic() < warm_until:
                time.sleep(0.1)
            warmed = len(pdfs)
            beside_pdf = [
                wrk("health, PDF loop beside", base + "/health/", 8, None),
                wrk("Today, PDF loop beside", base + "/today/", 8, today),
            ]
        runs += beside_pdf
        rss = rss_per_worker_mb(server.pid)
        sizes = transfer_sizes(base, cookie, seed["log"])
    finally:
        server.terminate()
        bare.terminate()
        server.wait(10)
        bare.wait(10)
    report = render(runs, rss, sizes, pdfs, warmed)
    print(report)
    write_section(report)


def render(
    runs: list[Run],
    rss: list[float],
    sizes: list[tuple[str, int, int]],
    pdfs: list[int],
    warmed: int,
) -> str:
    floor = {(r.name, r.concurrency): r.rps for r in runs}
    p99 = {(r.name, r.concurrency): r.p99_ms for r in runs}
    lines = [
        "## Web",
        "",
        f"`bench/web.py` on {time.strftime('%Y-%m-%d')}: gunicorn, 2 sync workers, "
        f"`--preload` with `gc.freeze()`, SQLite (WAL), loopback, `wrk -d{DURATION}`; Python "
        f"{sys.version.split()[0]}, {os.cpu_count()} CPUs. Ratios are to the bare floor (no "
        "middleware, one indexed SELECT) and to a trivial view in our project (same middleware).",
        "",
        "| endpoint | conc. | req/s | p50 ms | p99 ms | ÷ bare | ÷ trivial |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in runs:
        if "PDF loop" in r.name:
            continue
        bare = r.rps / floor[("bare floor", r.concurrency)]
        trivial = r.rps / floor[("trivial view", r.concurrency)]
        lines.append(
            f"| {r.name} | {r.concurrency} | {r.rps:,.0f} | {r.p50_ms:.2f} | {r.p99_ms:.2f} "
            f"| {bare:.2f} | {trivial:.2f} |"
        )
    step = p99[("log a step (POST)", 8)]
    lines += [
        "",
        f"**Logging a step at 8 connections: p99 {step:.1f} ms** (goal: under 25 ms; "
        f"{'met' if step < 25 else 'not met'}).",
        "",
        "While one person fetched their plan PDF back to back "
        f"({len(pdfs)} requests: {pdfs.count(200)} answered, {pdfs.count(429)} told to wait "
        "while another of the same person's was being drawn; measured after the first "
        f"{warmed}, by which each server process had drawn it once), at 8 connections:",
        "",
        "| endpoint | alone: p99 ms | PDF loop beside: p99 ms |",
        "| --- | ---: | ---: |",
        f"| `/health/` | {p99.get(('health', 8), float('nan')):.2f} "
        f"| {p99[('health, PDF loop beside', 8)]:.2f} |",
        f"| Today (GET) | {p99[('Today (GET)', 8)]:.2f} "
        f"| {p99[('Today, PDF loop beside', 8)]:.2f} |",
    ]
    lines += [
        "",
        "Goals: Today ≥ 0.5 of the trivial view and ≥ 0.3 of the bare floor; logging ≥ 0.1 of the "
        'bare floor. "Log a step" is the player\'s per-step save (an UPDATE in a transaction); '
        '"start a session" validates the pre-check form and INSERTs a new log.',
        "",
        "Memory (RSS) per worker after the runs: "
        + ", ".join(f"{mb:.1f} MB" for mb in rss)
        + " (goal: under 60 MB).",
        "",
        "| page (with its CSS, JS, icon; uncached) | bytes | gzip bytes |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| `{page}` | {plain:,} | {gz:,} |" for page, plain, gz in sizes]
    lines += [
        "",
        "Goal: every page under 150 KB uncached. The exercise pictures are separate SVG images "
        "(2-7 KB each, cached for a day) and are not counted above: Today's two sessions add "
        "about 25 KB of them, a session page one picture per exercise as it is shown. The review "
        "gallery (`/pictures/`, all 55) loads its pictures as they scroll into view.",
        "",
        "Where Today's time goes (profiled in-process, about 0.55 ms a request): Today is served "
        "from a copy of the whole page kept per person, under a key read in two raw single-table "
        "queries (the profile's plan and review dates, the day's logs), so an unchanged day costs "
        "no ORM query and no template; pages carry no form (log out goes through a confirmation "
        "page), so no CSRF token has to be masked into the copy. What remains is Django's "
        "middleware (the trivial floor), reading the session row (sessions live on the server "
        "since issue 8, so that they can be ended) and the signed-in user (one prepared "
        "SELECT each). At "
        "one connection the p99 shows occasional stalls of 30-70 ms that the in-process "
        "measurement (p99 1.8 ms) does not; they are not explained yet (gunicorn already sets "
        "TCP_NODELAY; the collector is frozen at fork). Figures move by about "
        "±30 % between runs on this shared machine (the load average "
        f"was {os.getloadavg()[0]:.1f} at the end of this run).",
        "",
        "Where logging a step's time went (p99 80-200 ms at 8 connections before issue 8): not "
        "the WAL checkpoint (strace of both workers over 5 s of the run: 2-6 `fdatasync`), but "
        "SQLite's own busy handler. Both workers write; a writer that finds the lock taken "
        "sleeps 1, 2, 5, 10, 15, 20, 25 … ms before it looks again, whatever happens meanwhile "
        "(strace: 610 failed lock attempts and 272 sleeps in 5 s), and the transaction around "
        "the save held the lock while the plan's JSON was decoded. Now the save reads outside "
        "any transaction (the plan's exercises come from a cache: plans never change) and "
        "writes one conditional UPDATE in its own short transaction, and every write "
        "transaction on SQLite first takes an `flock` beside the database "
        "(`web/sqlite_backend`), which the kernel hands to the next writer the moment it is "
        "free: in the same strace, 48 failed lock attempts and no sleeps.",
        "",
    ]
    return "\n".join(lines)


def write_section(section: str) -> None:
    """Replace only our own section; the engine's section belongs to someone else."""
    path = ROOT / "docs" / "benchmarks.md"
    path.parent.mkdir(exist_ok=True)
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Web\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text)


if __name__ == "__main__":
    main()
