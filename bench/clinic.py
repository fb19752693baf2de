"""Clinic benchmark: a generated clinic of 1,000 patients, each with a year of twice-daily logs,
and a small clinic of 100 beside it; the dashboard and a patient page timed in-process (Django's
test client, the whole middleware stack) at p50/p95, with their query counts, on SQLite and on
PostgreSQL.

    .venv/bin/python bench/clinic.py                 # SQLite, and PostgreSQL if one is reachable
    .venv/bin/python bench/clinic.py --db sqlite --patients 200 --days 90   # a quick look

PostgreSQL: ``TEST_POSTGRES_URL`` (as CI sets it), else ``BENCH_POSTGRES_URL``; a throwaway
database ``clinic_bench`` is made on that server and dropped afterwards. Writes the "Clinic"
section of docs/benchmarks.md (``--no-write`` to only print). No assertions: figures only.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"


def child(args: argparse.Namespace) -> dict[str, object]:
    """Runs inside a fresh process whose environment names the database."""
    import datetime as dt
    import random

    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sciatica_coach.web.settings")
    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone
    from tests import factories

    from sciatica_coach import engine
    from sciatica_coach.clinic.models import Clinic, Membership, Staff
    from sciatica_coach.program.models import Plan, Profile, SessionLog
    from sciatica_coach.program.summary import summaries_rebuild

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    today = timezone.localdate()
    password = make_password("bench-Passw0rd")
    variants = [
        factories.profile(pain={"leg": leg, "back": 3}, equipment=["towel"]) for leg in (3, 5, 8)
    ] + [factories.profile(red_flags=["constant_night_pain"])]
    answers = [engine.plan(v) for v in variants]

    def clinic_of(name: str, count: int) -> tuple[Clinic, list[int]]:
        started = time.perf_counter()
        clinic = Clinic.objects.create(name=name, slug=name.lower())
        users = User.objects.bulk_create(
            User(
                username=f"{name.lower()}-{n}",
                first_name="Pat",
                last_name=f"{name} {n}",
                password=password,
            )
            for n in range(count)
        )
        start = today - dt.timedelta(days=args.days)
        plans = Plan.objects.bulk_create(
            Plan(
                user=u,
                created_on=start,
                engine_version=engine.ENGINE_VERSION,
                source="intake",
                answer=answers[n % 3 if n % 25 else 3],
            )
            for n, u in enumerate(users)
        )
        Profile.objects.bulk_create(
            Profile(
                user=u,
                data=variants[n % 3 if n % 25 else 3],
                triage=engine.triage(variants[n % 3 if n % 25 else 3]),
                plan=p,
                started_on=start,
                baseline_leg=variants[n % 3]["pain"]["leg"],
                baseline_back=3,
            )
            for n, (u, p) in enumerate(zip(users, plans, strict=True))
        )
        Membership.objects.bulk_create(Membership(clinic=clinic, user=u) for u in users)
        batch: list[SessionLog] = []
        for n, (user, plan) in enumerate(zip(users, plans, strict=True)):
            # Some stopped a few days ago, some do one session in two; most do both.
            stop = 5 if n % 7 == 0 else 0
            keep = 0.4 if n % 5 == 0 else 0.95
            for back in range(args.days, stop, -1):
                day = today - dt.timedelta(days=back)
                for slot in ("morning", "evening"):
                    if rng.random() > keep:
                        continue
                    leg = max(0, min(10, 5 - back // 60 + rng.randint(-1, 1)))
                    batch.append(
                        SessionLog(
                            user=user,
                            plan=plan,
                            date=day,
                            slot=slot,
                            done=True,
                            ending="finished",
                            pain_before_leg=leg,
                            pain_before_back=3,
                            pain_after_leg=max(0, leg - 1),
                            pain_after_back=3,
                            extent_before="thigh",
                            extent_after="thigh",
                            exercises_done=["pelvic_tilt"],
                        )
                    )
            if len(batch) >= 20_000:
                SessionLog.objects.bulk_create(batch)
                batch = []
        SessionLog.objects.bulk_create(batch)
        ids = [u.pk for u in users]
        for at in range(0, len(ids), 500):
            summaries_rebuild(user_ids=ids[at : at + 500], today=today)
        print(f"  {name}: {count} patients in {time.perf_counter() - started:.1f} s", flush=True)
        return clinic, ids

    small, _ = clinic_of("Small", args.small)
    big, big_ids = clinic_of("Large", args.patients)
    carol = User.objects.create_user("carol", "carol@example.org", "bench-Passw0rd")
    for clinic in (small, big):
        Staff.objects.create(clinic=clinic, user=carol, role="clinician")
    client = Client()
    client.force_login(carol)
    logs = SessionLog.objects.count()

    def timed(path: str) -> dict[str, float]:
        for _ in range(3):
            assert client.get(path).status_code == 200
        counted: list[str] = []

        def count(execute: object, sql: str, *rest: object) -> object:
            counted.append(sql)
            return execute(sql, *rest)  # type: ignore[operator]

        with connection.execute_wrapper(count):
            client.get(path)
        times, cpu = [], []
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            assert response.status_code == 200
        times.sort()
        return {
            "p50": statistics.median(times),
            "p95": times[max(0, round(0.95 * len(times)) - 1)],
            "cpu": statistics.median(cpu),
            "queries": len(counted),
        }

    if args.profile:
        import cProfile
        import pstats

        client.get(f"/clinic/{big.slug}/")
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(5):
            client.get(f"/clinic/{big.slug}/")
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(12)
        took: list[tuple[float, str]] = []

        def clock(execute: Any, sql: str, *rest: Any) -> Any:
            started = time.perf_counter()
            try:
                return execute(sql, *rest)
            finally:
                took.append(((time.perf_counter() - started) * 1000, sql[:90]))

        with connection.execute_wrapper(clock):
            client.get(f"/clinic/{big.slug}/")
        for ms, sql in took:
            print(f"{ms:7.2f} ms  {sql}", file=sys.stderr)
    return {
        "load": os.getloadavg()[0],
        "vendor": connection.vendor,
        "logs": logs,
        "small": timed(f"/clinic/{small.slug}/"),
        "dashboard": timed(f"/clinic/{big.slug}/"),
        "attention": timed(f"/clinic/{big.slug}/?attention=quiet&page=2"),
        "patient": timed(f"/clinic/{big.slug}/patients/{big_ids[1]}/"),
    }


def run(db: str, args: argparse.Namespace) -> dict[str, object] | None:
    env = {**os.environ}
    with tempfile.TemporaryDirectory(prefix="clinic-bench-") as data:
        env["SCIATICA_COACH_DATA_DIR"] = data
        env["ALLOWED_HOSTS"] = "testserver"  # the test client's host
        url = env.get("TEST_POSTGRES_URL") or env.get("BENCH_POSTGRES_URL")
        if db == "postgresql":
            if not url:
                print("PostgreSQL: no TEST_POSTGRES_URL or BENCH_POSTGRES_URL; skipped")
                return None
            env["DATABASE_URL"] = fresh_database(url)
        else:
            env.pop("DATABASE_URL", None)
        command = [sys.executable, __file__, "--child", *sys.argv[1:]]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if db == "postgresql" and url:
            drop_database(url)
        sys.stdout.write(done.stdout.split("RESULT ")[0])
        if args.profile:
            print(done.stderr[-12000:])
        if done.returncode != 0:
            print(done.stderr[-3000:])
            raise SystemExit(f"{db}: the benchmark failed")
        result: dict[str, object] = json.loads(done.stdout.split("RESULT ")[1])
        return result


def _admin(url: str) -> object:
    import psycopg

    return psycopg.connect(re.sub(r"/[^/]*$", "/postgres", url), autocommit=True)


def fresh_database(url: str) -> str:
    with _admin(url) as conn:  # type: ignore[attr-defined]
        conn.execute("DROP DATABASE IF EXISTS clinic_bench")
        conn.execute("CREATE DATABASE clinic_bench")
    return re.sub(r"/[^/]*$", "/clinic_bench", url)


def drop_database(url: str) -> None:
    with _admin(url) as conn:  # type: ignore[attr-defined]
        conn.execute("DROP DATABASE IF EXISTS clinic_bench")


def table(results: dict[str, dict[str, object]], args: argparse.Namespace) -> str:
    rows = [
        "| database | page | patients | p50 ms | p95 ms | app CPU p50 ms | queries |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for db, result in results.items():
        for key, words, count in (
            ("small", "dashboard", args.small),
            ("dashboard", "dashboard", args.patients),
            ("attention", "dashboard, filtered, page 2", args.patients),
            ("patient", "patient page (a year of logs)", args.patients),
        ):
            figures = result[key]
            assert isinstance(figures, dict)
            rows.append(
                f"| {db} | {words} | {count:,} | {figures['p50']:.1f} | {figures['p95']:.1f} "
                f"| {figures['cpu']:.1f} | {figures['queries']} |"
            )
    return "\n".join(rows)


def write_doc(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    section = "## Clinic\n\n" + text + "\n"
    if "## Clinic\n" in doc:
        doc = re.sub(r"## Clinic\n.*?(?=\n## |\Z)", section, doc, flags=re.S)
    else:
        doc = doc.rstrip("\n") + "\n\n" + section
    DOC.write_text(doc, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print a profile of the dashboard")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("RESULT " + json.dumps(child(args)))
        return
    results = {}
    for db in ("sqlite", "postgresql") if args.db == "both" else (args.db,):
        print(f"{db}:", flush=True)
        found = run(db, args)
        if found is not None:
            results[db] = found
    if not results:
        return
    logs = max(int(str(r["logs"])) for r in results.values())
    text = (
        f"`bench/clinic.py` on {time.strftime('%Y-%m-%d')}: two clinics generated in one database, "
        f"{args.small:,} and {args.patients:,} patients, each with {args.days} days of twice-daily "
        f"logs ({logs:,} logs in all, bulk-loaded; most patients do both sessions, one in five "
        "about two in five, one in seven stopped five days ago). Each page is asked "
        f"{args.runs} times in-process through Django's test client (every middleware, the "
        "audit rows it writes included) after three warm-up calls; queries counted on one call. "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; the machine was shared, load "
        f"average {', '.join(f'{float(str(r["load"])):.1f}' for r in results.values())} while "
        "timing (app CPU is this process's own time per request, which others' load moves "
        "less).\n\n"
        + table(results, args)
        + "\n\nGoal: under 200 ms p95, and a query count that does not grow with the number of "
        "patients (the same count for 100 and 1,000). The dashboard reads one summary row per "
        "patient (`program.Summary`, rebuilt by the program's write services), never their logs; "
        "it shows 25 a page, and each shown patient is one audit row, written in one INSERT."
    )
    print(text)
    if not args.no_write:
        write_doc(text)


if __name__ == "__main__":
    main()
