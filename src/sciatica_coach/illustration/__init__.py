"""Moving pictures of every exercise, drawn as SVG from keyframes: no video, no fetched images.

Pure Python (standard library and pydantic). ``illustrate`` gives one exercise's SVG text, ready to
be inlined in HTML (a Django template can mark it safe: it is built only from shipped data and
escaped catalog text); ``gallery_html`` gives a review page of them all.
"""

from sciatica_coach.illustration.api import UnknownExercise, illustrate
from sciatica_coach.illustration.gallery import gallery_html
from sciatica_coach.illustration.render import MODES, Mode

__all__ = ["MODES", "Mode", "UnknownExercise", "gallery_html", "illustrate"]
