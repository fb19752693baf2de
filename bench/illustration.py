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
    sizes = {(i, mode): len(render(build(i), mode).encode()) for i in ids for mode in MODES}
    elapsed = time.perf_counter() - started
    print(f"rendered {len(ids)} exercises x {len(MODES)} modes in {elapsed * 1000:.0f} ms")
    for mode in MODES:
        mode_sizes = {i: size for (i, m), size in sizes.items() if m == mode}
        largest = max(mode_sizes, key=lambda i: mode_sizes[i])
        mean = sum(mode_sizes.values()) / len(mode_sizes)
        print(
            f"{mode:>8}: largest {mode_sizes[largest]} bytes ({largest}), "
            f"mean {mean:.0f} bytes, total {sum(mode_sizes.values())} bytes"
        )


if __name__ == "__main__":
    main()
