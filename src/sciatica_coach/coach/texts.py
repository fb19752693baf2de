"""What the coach says, marked for translation: cues by id, and the words of its states."""

from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sciatica_coach.coach.table import CueId, View

# Each names a fault or asks for less; none asks for more range than the instructions.
CUES: Final[dict[CueId, Promise]] = {
    "hips_level": _("Keep your hips level."),
    "hips_over_knees": _("Keep your hips above your knees."),
    "no_arch": _("Lift with your buttocks, not by arching your back."),
    "hips_stacked": _("Keep your top hip stacked over the bottom one: don't roll back."),
    "knees_over_toes": _("Keep your knees in line with your toes."),
    "weight_even": _("Keep your weight even on both feet."),
    "chest_up": _("Keep your chest up and your back straight: bend less if you need to."),
    "upright": _("Keep your body upright: a smaller lift is fine."),
    "stand_tall": _("Stand tall, your body over your feet."),
    "lean_less": _("Only lean back a little: ease off."),
}

SETUP: Final[dict[View, Promise]] = {
    "side": _(
        "Prop your phone up a few steps away, side-on to you, so that your whole body is in view."
    ),
    "front": _(
        "Prop your phone up a few steps away, facing you, so that your whole body is in view."
    ),
}

STATES: Final[dict[str, Promise]] = {
    "loading": _("Starting the camera coach…"),
    "watching": _("Watching. Counting when you reach the position and come back."),
    "reached": _("In position. Hold."),
    "short": _("Not counted: hold the position for the full time."),
    "lost": _("The coach cannot see you. Step back so your whole body is in view."),
    "found": _("The coach can see you again."),
    "not_followed": _(
        "The coach cannot follow this exercise yet. Count with the +1 button as usual."
    ),
    "paused": _("Camera off while paused."),
    "hidden": _("Camera off while the page is hidden."),
    "off": _("Camera off."),
    "no_camera": _("The camera could not start. Count with the +1 button as usual."),
    "failed": _("The coach could not start on this device. Count with the +1 button as usual."),
    "traced": _("Your body, traced by the coach."),
}
