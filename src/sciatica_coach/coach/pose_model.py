"""Where the vendored pose model is served from: one folder, named after its version, so a new
model is a new address and phones can drop the old one."""

from functools import cache
from pathlib import Path

from django.conf import settings

VENDOR = Path(__file__).parent / "static" / "coach" / "vendor"


@cache
def pose_model_url() -> str:
    """The address of the current model's folder, such as
    ``/static/coach/vendor/mediapipe-tasks-vision-0.10.35/``."""
    (folder,) = [path.name for path in VENDOR.iterdir() if path.is_dir()]
    return f"{settings.STATIC_URL}coach/vendor/{folder}/"
