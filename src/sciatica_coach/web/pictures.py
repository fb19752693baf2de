"""Exercise pictures served as SVG files, shown with ``<img>``.

As separate files they are cached by the browser (and by the offline service worker), keep pages
small, and run their own CSS animation: an inline SVG's ``<style>`` would be blocked by the page's
strict Content-Security-Policy, while an image is its own document and can never run a script.
"""

import re
from functools import cache
from typing import Final

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from django.views.decorators.http import condition, require_GET

from sciatica_coach import __version__
from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.illustration import illustrate
from sciatica_coach.illustration.render import MODES, Mode

SIZE: Final = re.compile(r'width="(\d+)" height="(\d+)"')
ONE_DAY: Final = 24 * 60 * 60
# Opened on its own, a picture may style itself and do nothing else.
PICTURE_CSP: Final = {"default-src": [CSP.NONE], "style-src": [CSP.UNSAFE_INLINE]}


@cache
def picture_size(exercise_id: str, mode: Mode) -> tuple[int, int]:
    found = SIZE.search(illustrate(exercise_id, mode=mode))
    return (int(found.group(1)), int(found.group(2))) if found else (300, 120)


def text_alternative(exercise_id: str) -> str:
    """The picture's words: the exercise and its steps, for people who cannot see it."""
    exercise = load_catalog()[exercise_id]
    return f"{exercise.name}: {' '.join(exercise.instructions)}"


def _etag(request: HttpRequest, exercise_id: str, mode: str) -> str:
    # Pictures change only with a release (catalog and keyframes ship with the code).
    return f'"{__version__}-{exercise_id}-{mode}"'


@require_GET
@csp_override(PICTURE_CSP)
@condition(etag_func=_etag)
def exercise_picture(request: HttpRequest, exercise_id: str, mode: str) -> HttpResponse:
    if mode not in MODES or exercise_id not in load_catalog():
        raise Http404
    svg = illustrate(exercise_id, mode=mode)
    response = HttpResponse(svg, content_type="image/svg+xml")
    patch_cache_control(response, public=True, max_age=ONE_DAY)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def gallery(request: HttpRequest) -> HttpResponse:
    """Every exercise's picture on one page, for clinicians and reviewers to check them."""
    return render(request, "pictures/gallery.html", {"exercises": load_catalog().exercises})
