"""Engine throughput: plans and weekly reviews per second over generated profiles.

Baseline, measured in the same run: validating the same inputs alone (what any endpoint must do),
so the ratios show what the clinical rules cost on top of reading the input.

    python bench/engine.py                      # 10,000 profiles, reviews projected to 100,000
    python bench/engine.py --profiles 2000      # quicker
    python bench/engine.py --reviews 100000     # review 100,000 patients for real on all cores
"""

import argparse
import datetime as dt
import multiprocessing
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from sciatica_coach import engine
from sciatica_coach.engine.api import parse_profile, parse_review_request
from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.engine.vocabulary import CONDITION_ORDER, EXTENT_ORDER, RED_FLAGS

EQUIPMENT = ["stability_ball", "towel", "chair", "wall", "band", "pillow"]
SIDED = ["negative", "positive_left", "positive_right", "positive_both"]
TODAY = dt.date(2026, 10, 29)
PYTHON = sys.version.split()[0]


def make_profile(rng: random.Random) -> dict[str, Any]:
    sex = rng.choice(["female", "male", "other", "unspecified"])
    flags = rng.sample(sorted(RED_FLAGS), rng.choice([1, 2])) if rng.random() < 0.1 else []
    assessment: dict[str, Any] = {}
    if rng.random() < 0.7:
        assessment = {
            "trunk_flexor_s": rng.randint(10, 150),
            "trunk_extensor_s": rng.randint(10, 200),
            "side_bridge_left_s": rng.randint(5, 120),
            "side_bridge_right_s": rng.randint(5, 120),
            "thomas_test": rng.choice(SIDED),
            "slr_left_deg": rng.randint(30, 100),
            "slr_right_deg": rng.randint(30, 100),
            "single_leg_bridge_left_reps": rng.randint(0, 40),
            "single_leg_bridge_right_reps": rng.randint(0, 40),
            "trendelenburg": rng.choice(SIDED),
        }
    return {
        "contract": "sciatica-coach/1",
        "age": rng.randint(18, 90),
        "sex": sex,
        "pregnancy_weeks": rng.choice([None, None, None, rng.randint(4, 40)])
        if sex == "female"
        else None,
        "symptoms": {
            "leg_side": rng.choice(["left", "right", "none"]),
            "extent": rng.choice(EXTENT_ORDER),
            "pins_and_needles": rng.random() < 0.5,
            "numbness": rng.random() < 0.3,
            "weakness": rng.random() < 0.1,
            "onset_days": rng.randint(1, 400),
        },
        "red_flags": flags,
        "diagnoses": [
            {"condition": c, "confirmed_by_clinician": rng.random() < 0.9}
            for c in rng.sample(CONDITION_ORDER, rng.choice([1, 1, 2]))
        ],
        "cleared_red_flags": [],
        "pain": {"leg": rng.randint(0, 10), "back": rng.randint(0, 10)},
        "assessment": assessment,
        "equipment": rng.sample(EQUIPMENT, rng.randint(0, 4)),
        "avoid_exercises": [],
        # The revision's fields, as people answer them: most untested, some older people off
        # the floor, some walking tolerances, now and then a direction ruled out.
        "directional_preference": rng.choice(["unknown"] * 6 + ["extension", "flexion", "none"]),
        "avoid_directions": rng.choice([[]] * 8 + [["extension"], ["flexion"]]),
        "floor_ok": rng.random() < 0.85,
        "walking_tolerance_min": rng.choice([None, None, rng.randint(2, 60)]),
    }


def make_review(
    rng: random.Random, profile: dict[str, Any], plan: dict[str, Any]
) -> dict[str, Any]:
    logs = []
    ids = [i["exercise"] for s in plan["sessions"] or [] for i in s["items"]]
    for back in range(6, -1, -1):
        for slot in ("morning", "evening"):
            if rng.random() < 0.2:
                continue
            before = rng.choice(EXTENT_ORDER[2:])
            logs.append(
                {
                    "date": (TODAY - dt.timedelta(days=back)).isoformat(),
                    "slot": slot,
                    "done": True,
                    "pain_before": {"leg": rng.randint(0, 10), "back": rng.randint(0, 10)},
                    "pain_after": {"leg": rng.randint(0, 10), "back": rng.randint(0, 10)},
                    "extent_before": before,
                    "extent_after": before if rng.random() < 0.9 else rng.choice(EXTENT_ORDER),
                    "exercises_done": ids,
                    "new_red_flags": [],
                }
            )
    return {
        "profile": profile,
        "plan": plan,
        "started_on": (TODAY - dt.timedelta(days=rng.randint(7, 80))).isoformat(),
        "today": TODAY.isoformat(),
        "baseline_pain": profile["pain"],
        "logs": logs,
    }


def timed(label: str, func: Callable[[Any], object], inputs: list[Any]) -> dict[str, float]:
    durations = []
    start = time.perf_counter()
    for item in inputs:
        t0 = time.perf_counter_ns()
        func(item)
        durations.append(time.perf_counter_ns() - t0)
    total = time.perf_counter() - start
    result = {
        "per_s": len(inputs) / total,
        "median_ms": statistics.median(durations) / 1e6,
        "p99_ms": statistics.quantiles(durations, n=100)[98] / 1e6,
    }
    print(
        f"  {label:<26} {result['per_s']:>9,.0f}/s   median {result['median_ms']:.3f} ms   "
        f"p99 {result['p99_ms']:.3f} ms"
    )
    return result


def _review_chunk(requests: list[dict[str, Any]]) -> int:
    for request in requests:
        engine.review(request)
    return len(requests)


def review_many(requests: list[dict[str, Any]], total: int, workers: int) -> float:
    """Review ``total`` patients on ``workers`` processes; returns seconds."""
    chunks = [requests] * (total // len(requests)) + [requests[: total % len(requests)]]
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        done = sum(pool.map(_review_chunk, chunks))
    assert done == total
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--profiles", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=0, help="review this many patients for real")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    load_catalog()
    profiles = [make_profile(rng) for _ in range(args.profiles)]
    plans = [engine.plan(p) for p in profiles]
    with_program = [(p, plan) for p, plan in zip(profiles, plans, strict=True) if plan["sessions"]]
    requests = [make_review(rng, p, plan) for p, plan in with_program]
    print(f"{len(profiles):,} profiles ({len(with_program):,} with a program), Python {PYTHON}")

    print("plan")
    validate = timed("validate profile (floor)", parse_profile, profiles)
    triage = timed("triage", engine.triage, profiles)
    plan = timed("plan", engine.plan, profiles)
    print("review")
    validate_review = timed("validate request (floor)", parse_review_request, requests)
    review = timed("review", engine.review, requests)

    print("ratios to the validation floor (time per call)")
    print(f"  triage / validate          {validate['per_s'] / triage['per_s']:.2f}x")
    print(f"  plan / validate            {validate['per_s'] / plan['per_s']:.2f}x")
    print(f"  review / validate request  {validate_review['per_s'] / review['per_s']:.2f}x")

    workers = os.cpu_count() or 1
    if args.reviews:
        seconds = review_many(requests, args.reviews, workers)
        print(f"reviewed {args.reviews:,} patients on {workers} cores in {seconds:.1f} s")
    else:
        sample = min(len(requests) * 2, 20_000)
        seconds = review_many(requests, sample, workers)
        print(
            f"weekly review of 100,000 patients on {workers} cores: "
            f"{seconds * 100_000 / sample:.0f} s "
            f"projected from {sample:,} (goal: under 120 s)"
        )
    print(f"goal: plan median under 1 ms: {'met' if plan['median_ms'] < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
