"""Render every exercise's illustration from scratch and report the time and the SVG sizes.

.venv/bin/python bench/illustration.py
"""

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
    for mode in MODES:
        started = time.perf_counter()
        sizes = {i: len(render(build(i), mode).encode()) for i in ids}
        elapsed = time.perf_counter() - started
        largest = max(sizes, key=lambda i: sizes[i])
        print(
            f"{mode:>8}: {len(ids)} exercises in {elapsed * 1000:.0f} ms; largest SVG "
            f"{sizes[largest]} bytes ({largest}), mean {sum(sizes.values()) / len(sizes):.0f} bytes"
        )


if __name__ == "__main__":
    main()
