"""The movement test in plain words: each step's dose, and what a result means for the plan.

Which steps, which directions and what the result shows all come from the engine
(``engine.checks`` and ``engine.movement_test``); this only says them.
"""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sciatica_coach.program.exercises import exercise_get
from sciatica_coach.program.models import MovementTestResult

SECONDS_A_MINUTE = 60


def direction_name(direction: str) -> str:
    """ "bending backwards" for ``extension``: the model's label, one word list for the app."""
    return str(MovementTestResult.Direction(direction).label)


def step_dose(step: dict[str, Any]) -> str:
    hold, reps = step["hold_s"], step["reps"]
    if hold and hold % SECONDS_A_MINUTE == 0:
        minutes = hold // SECONDS_A_MINUTE
        return ngettext(
            "Stay like this for %(n)d minute.", "Stay like this for %(n)d minutes.", minutes
        ) % {"n": minutes}
    if hold:
        return ngettext(
            "Stay like this for %(n)d second.", "Stay like this for %(n)d seconds.", hold
        ) % {"n": hold}
    return ngettext(
        "Do it %(n)d time, slowly: in and out, without holding.",
        "Do it %(n)d times, slowly: in and out, without holding.",
        reps,
    ) % {"n": reps}


def steps_present(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The engine's steps with their number (1 = the gentlest), dose and catalog entry."""
    return [
        {
            **step,
            "number": number,
            "dose": step_dose(step),
            "info": exercise_get(step["exercise"]) or {"name": step["exercise"]},
            "last": number == len(steps),
        }
        for number, step in enumerate(steps, start=1)
    ]


def plan_meaning(answer: dict[str, Any], *, tested: str, tested_today: bool) -> list[str]:
    """What the engine's answer does to the person's plan, one sentence each."""
    preference = answer["directional_preference"]
    meaning: list[str] = []
    if preference == "extension":
        meaning.append(_("Your plan now bends backwards."))
    elif preference == "flexion":
        meaning.append(_("Your plan now bends forward."))
    elif preference == "none":
        meaning.append(_("Your plan may now bend either way, within comfort."))
    meaning.extend(
        _("Your plan now leaves out %(direction)s.") % {"direction": direction_name(avoided)}
        for avoided in answer.get("avoid_directions", [])
    )
    try_next = answer.get("try_next")
    if preference == "unknown" and try_next:
        when = _("from tomorrow") if tested_today else _("on another day")
        if try_next == tested:
            text = _("Try %(direction)s again %(when)s: one direction a day.")
        else:
            text = _("Try %(direction)s %(when)s: one direction a day.")
        meaning.append(text % {"direction": direction_name(try_next), "when": when})
    if answer.get("clinician_review_recommended"):
        meaning.append(
            _(
                "Please show this result to your doctor or physiotherapist soon: they can look at "
                "what makes your symptoms spread."
            )
        )
    return meaning
