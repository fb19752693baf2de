"""Render every exercise's illustration from scratch and report the time and the SVG sizes.

The baseline, measured in the same run, is serialising the same catalog entries to JSON (what the
exercise API already does per request): the ratio says what a picture costs next to that.

.venv/bin/python bench/illustration.py
"""

import json
import time

from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.illustration.keyframes import build, load_keyframes
from sciatica_coach.illustration.render import MODES, render


def main() -> None:
    ids = [exercise.id for exercise in load_catalog().exercises]
    load_keyframes.cache_clear()
    started = time.perf_counter()
    load_keyframes()
    print(f"keyframes file parsed and validated in {(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    for exercise in load_catalog().exercises:
        json.dumps(exercise.to_dict())
    baseline = time.perf_counter() - started
    print(f"baseline: the 55 catalog entries as JSON in {baseline * 1000:.1f} ms")
    for mode in MODES:
        started = time.perf_counter()
        sizes = {i: len(render(build(i), mode).encode()) for i in ids}
        elapsed = time.perf_counter() - started
        largest = max(sizes, key=lambda i: sizes[i])
        print(
            f"{mode:>8}: {len(ids)} exercises in {elapsed * 1000:.0f} ms; largest SVG "
            f"{sizes[largest]} bytes ({largest}), "
            f"mean {sum(sizes.values()) / len(sizes):.0f} bytes; "
            f"{elapsed / baseline:.0f}x the baseline"
        )


if __name__ == "__main__":
    main()
