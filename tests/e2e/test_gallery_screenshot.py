"""The gallery in a real headless Chromium: it draws figures, not a blank page."""

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from sciatica_coach.illustration import gallery_html, illustrate
from sciatica_coach.illustration.render import TRUNK as TRUNK_COLOUR

pytestmark = pytest.mark.e2e

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
TRUNK = tuple(bytes.fromhex(TRUNK_COLOUR.removeprefix("#")))


def screenshot(page: Path, png: Path, size: str, *flags: str) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}; set CHROMIUM_PATH")
    subprocess.run(
        [
            CHROMIUM,
            *flags,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--hide-scrollbars",
            f"--screenshot={png}",
            f"--window-size={size}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Rows of RGB(A) pixels from an 8-bit, non-interlaced PNG, with only the standard library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8
    assert colour in (2, 6)
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(chunks), width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        previous = line
    return width, channels, rows


def test_the_gallery_screenshot_shows_figures(tmp_path: Path) -> None:
    page, png = tmp_path / "gallery.html", tmp_path / "gallery.png"
    page.write_text(gallery_html(), encoding="utf-8")
    screenshot(page, png, "1280,1600")
    width, channels, rows = read_png(png)
    pixels = [row[x * channels : x * channels + 3] for row in rows[::4] for x in range(0, width, 4)]
    luminance = [0.3 * p[0] + 0.59 * p[1] + 0.11 * p[2] for p in pixels]
    mean = sum(luminance) / len(luminance)
    variance = sum((v - mean) ** 2 for v in luminance) / len(luminance)
    assert variance > 200, f"the screenshot looks blank (variance {variance:.0f})"
    figure_ink = sum(
        1 for p in pixels if all(abs(a - b) < 12 for a, b in zip(p, TRUNK, strict=True))
    )
    assert figure_ink > len(pixels) // 200, "no figure drawn in the trunk colour"


def test_reduced_motion_shows_the_still_and_otherwise_it_moves(tmp_path: Path) -> None:
    pages = {
        "animated": illustrate("bird_dog"),
        "still": illustrate("bird_dog", mode="still"),
    }
    shots = {}
    for name, svg in pages.items():
        page = tmp_path / f"{name}.html"
        page.write_text(f'<body style="margin:0">{svg}</body>', encoding="utf-8")
        for reduced in (False, True):
            png = tmp_path / f"{name}-{reduced}.png"
            flags = ("--force-prefers-reduced-motion",) if reduced else ()
            screenshot(page, png, "400,200", *flags)
            shots[name, reduced] = read_png(png)[2]
    assert shots["animated", True] == shots["still", True]
    # Without the preference the loop starts from the first frame, not the held position.
    assert shots["animated", False] != shots["still", False]
