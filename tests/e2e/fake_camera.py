"""A fake camera for Chromium: a Y4M clip of a still photo, which Chromium plays on a loop as the
camera's picture (``--use-file-for-fake-video-capture``)."""

from importlib import resources
from pathlib import Path

from PIL import Image

WIDTH, HEIGHT, FPS = 640, 480, 15


def astronaut() -> Image.Image:
    """scikit-image's sample photo of a person (NASA, public domain), from its installed wheel."""
    path = resources.files("skimage") / "data" / "astronaut.png"
    with resources.as_file(path) as file:
        return Image.open(file).convert("RGB")


def framed(photo: Image.Image) -> Image.Image:
    """The photo letterboxed into the camera's 4:3 frame."""
    scale = min(WIDTH / photo.width, HEIGHT / photo.height)
    size = (round(photo.width * scale), round(photo.height * scale))
    frame = Image.new("RGB", (WIDTH, HEIGHT), (40, 40, 40))
    frame.paste(photo.resize(size, Image.Resampling.LANCZOS), ((WIDTH - size[0]) // 2, 0))
    return frame


def write_y4m(path: Path, picture: Image.Image, frames: int = FPS) -> Path:
    """A YUV4MPEG2 file: a text header, then per frame ``FRAME`` and the I420 planes (Y at full
    size, then Cb and Cr at half size)."""
    y, cb, cr = picture.convert("YCbCr").split()
    half = (picture.width // 2, picture.height // 2)
    planes = (
        y.tobytes()
        + cb.resize(half, Image.Resampling.BILINEAR).tobytes()
        + cr.resize(half, Image.Resampling.BILINEAR).tobytes()
    )
    with path.open("wb") as out:
        header = f"YUV4MPEG2 W{picture.width} H{picture.height} F{FPS}:1 Ip A1:1 C420jpeg\n"
        out.write(header.encode())
        for _ in range(frames):
            out.write(b"FRAME\n" + planes)
    return path


def clip(folder: Path) -> Path:
    return write_y4m(folder / "astronaut.y4m", framed(astronaut()))
