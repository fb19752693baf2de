"""Plain words for what the engine says about the self-checks: why one is held back, and the signs
that stop one. The engine writes a held-back reason as ``"<rule>: <detail>"`` (``"spinal_stenosis:
avoids movements that arch the lower back backwards (extension)"``); each rule it uses has one
sentence here. A reason with no sentence here is shown as the engine wrote it, so nothing is lost
when the engine learns a new one."""

import re
from collections.abc import Callable, Iterable
from typing import Final

from django.utils.translation import gettext as _

from sciatica_coach.program.choices import CONDITION_LABEL, EQUIPMENT
from sciatica_coach.program.models import MovementTestResult

_CONDITION = "|".join(re.escape(c) for c in CONDITION_LABEL)
_PREGNANCY = r"pregnancy \([^)]*\)"


def _lower_first(text: object) -> str:
    text = str(text)
    return text[:1].lower() + text[1:]


def _condition(match: re.Match[str]) -> str:
    return _lower_first(CONDITION_LABEL[match["condition"]])


def _direction(match: re.Match[str]) -> str:
    return str(MovementTestResult.Direction(match["direction"]).label).capitalize()


def _equipment(match: re.Match[str]) -> str:
    labels = dict(EQUIPMENT)
    return ", ".join(_lower_first(labels.get(item, item)) for item in match["items"].split(", "))


Words = Callable[[re.Match[str]], str]
# One sentence per rule of engine/safety.py and engine/checks.py, in the order they are checked.
_SENTENCES: list[tuple[re.Pattern[str], Words]] = []


def _says(pattern: str) -> Callable[[Words], Words]:
    def register(words: Words) -> Words:
        _SENTENCES.append((re.compile(pattern), words))
        return words

    return register


@_says(r"^urgency: ")
def _urgency(m: re.Match[str]) -> str:
    return _("A doctor needs to see you first: no self-check until then.")


@_says(r"^relief phase: the muscle checks wait until the pain is below (?P<n>\d+) out of 10")
def _relief_checks(m: re.Match[str]) -> str:
    return _(
        "The muscle checks wait until your pain is below %(n)s out of 10. For now your plan "
        "calms the pain."
    ) % {"n": m["n"]}


@_says(r"^relief phase: strengthening with equipment")
def _relief_equipment(m: re.Match[str]) -> str:
    return _("Strengthening with equipment waits until your pain settles.")


@_says(r"^avoid_exercises: ")
def _avoid_exercise(m: re.Match[str]) -> str:
    return _("Your clinician or a weekly review asked you to leave it out.")


@_says(r"^avoid_directions: (?P<direction>extension|flexion) spread")
def _avoid_direction(m: re.Match[str]) -> str:
    return _("%(direction)s made your symptoms spread before, so it is left out.") % {
        "direction": _direction(m)
    }


@_says(rf"^(?P<condition>{_CONDITION}): avoids movements that arch the lower back")
def _no_extension(m: re.Match[str]) -> str:
    return _(
        "With %(condition)s, your program leaves out movements that arch your lower back backwards."
    ) % {"condition": _condition(m)}


@_says(rf"^{_PREGNANCY}: no lying face down from (?P<weeks>\d+) weeks")
def _pregnancy_prone(m: re.Match[str]) -> str:
    return _("From %(weeks)s weeks of pregnancy, lying face down is left out.") % {
        "weeks": m["weeks"]
    }


@_says(rf"^{_PREGNANCY}: no lying flat on the back from (?P<weeks>\d+) weeks")
def _pregnancy_supine(m: re.Match[str]) -> str:
    return _("From %(weeks)s weeks of pregnancy, lying flat on your back is left out.") % {
        "weeks": m["weeks"]
    }


@_says(rf"^{_PREGNANCY}: not advised during pregnancy")
def _pregnancy_other(m: re.Match[str]) -> str:
    return _("It is not advised during pregnancy.")


@_says(rf"^(?P<condition>{_CONDITION}): not advised with this condition")
def _condition_other(m: re.Match[str]) -> str:
    return _("It is not advised with %(condition)s.") % {"condition": _condition(m)}


@_says(r"^equipment: needs (?P<items>.+), which is not")
def _equipment_missing(m: re.Match[str]) -> str:
    return _("It needs %(items)s, which is not in your list of things at home.") % {
        "items": _equipment(m)
    }


@_says(r"^floor: ")
def _floor(m: re.Match[str]) -> str:
    return _(
        "You said getting down to the floor is hard, so only what is done sitting or standing "
        "is offered."
    )


@_says(r"^nerve: ")
def _nerve(m: re.Match[str]) -> str:
    return _(
        "It stretches the sciatic nerve. That waits while your pain is high or your symptoms "
        "reach below your knee."
    )


@_says(r"^after the birth: no lying face down")
def _postpartum_prone(m: re.Match[str]) -> str:
    return _("In the six weeks after the birth, lying face down waits until your postnatal check.")


@_says(r"^after the birth: waits")
def _postpartum_other(m: re.Match[str]) -> str:
    return _("In the six weeks after the birth, this waits until your postnatal check.")


@_says(r"^bones: ")
def _thin_bones(m: re.Match[str]) -> str:
    return _(
        "A deep forward bend under your own weight is left out: thinner bones are common at your "
        "age or with your fracture risk."
    )


@_says(r"^back-muscles hold: waits until the movement test")
def _extensor_hold_direction(m: re.Match[str]) -> str:
    return _(
        "The back-muscles hold is a hard effort in a backward bend. It waits until the movement "
        "test shows bending backwards is safe for you."
    )


@_says(r"^back-muscles hold: waits while your symptoms reach below the knee")
def _extensor_hold_knee(m: re.Match[str]) -> str:
    return _("The back-muscles hold waits while your symptoms reach below your knee.")


def reason_in_plain_words(reason: str) -> str:
    """One engine reason as a sentence the person understands; the engine's own words if none."""
    for pattern, words in _SENTENCES:
        match = pattern.match(reason)
        if match:
            return words(match)
    return reason


def reasons_in_plain_words(reasons: Iterable[str]) -> list[str]:
    """Each reason once. A movement-test direction's reasons name the step first ("Lying face
    down: spinal_stenosis: …"); the sentence says what is left out, so the name is dropped when
    the rest has words."""
    plain: list[str] = []
    for reason in reasons:
        sentence = reason_in_plain_words(reason)
        if sentence == reason and ": " in reason:
            rest = reason.split(": ", 1)[1]
            if (words := reason_in_plain_words(rest)) != rest:
                sentence = words
        if sentence not in plain:
            plain.append(sentence)
    return plain


# The engine's ``limits.stop_when``, said to the person.
_STOP_SIGNS: Final[dict[str, Callable[[], str]]] = {
    "leg symptoms spread or grow": lambda: _(
        "pain, tingling or numbness spreads further down your leg, or gets stronger"
    ),
    "form is lost": lambda: _("you lose the position: your hips sag, drop or twist"),
    "pain is sharp or getting worse": lambda: _("the pain is sharp or getting worse"),
}


def stop_signs_in_plain_words(stop_when: Iterable[str]) -> list[str]:
    return [_STOP_SIGNS[sign]() if sign in _STOP_SIGNS else sign for sign in stop_when]
