"""The movement test's form: how far down the leg and how much leg pain, before and after one
direction, and the step at which the person stopped because the symptoms spread."""

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from sciatica_coach.program import choices
from sciatica_coach.program.forms import LEG_PAIN_NOW, PlainForm, pain_field

EXTENT_BEFORE = _("How far down your leg do you feel it right now?")
EXTENT_AFTER = _("How far down your leg do you feel it now, at the end of the test?")
LEG_PAIN_AFTER = _("Leg pain now, at the end of the test (0 = none, 10 = worst imaginable)")
# After a stop the symptoms are rated as they were when they spread, not once the rest has eased
# them: the rest is for comfort, and must not hide the spreading from the result.
EXTENT_WHEN_STOPPED = _("How far down your leg did it reach when you stopped?")
LEG_PAIN_WHEN_STOPPED = _("Leg pain when you stopped (0 = none, 10 = worst imaginable)")
STOP_STEP_UNKNOWN = _("There is no such step in this test. Please start the test again.")


def extent_field(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices.EXTENTS, widget=forms.RadioSelect)


class MovementTestForm(PlainForm):
    extent_before = extent_field(EXTENT_BEFORE)
    leg_pain_before = pain_field(LEG_PAIN_NOW)
    extent_after = extent_field(EXTENT_AFTER)
    leg_pain_after = pain_field(LEG_PAIN_AFTER)
    stopped_at_step = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    BEFORE = ("extent_before", "leg_pain_before")
    AFTER = ("extent_after", "leg_pain_after")
    # Where the engine names a refused field of the one result sent, the form marks the input.
    ENGINE_FIELDS = {
        f"request.results[0].{name}": name for name in (*BEFORE, *AFTER, "stopped_at_step")
    }

    def __init__(
        self, *args: Any, steps: int, stopped_at: int | None = None, **kwargs: Any
    ) -> None:
        """``steps``: how many steps this direction has; ``stopped_at``: the step at which the
        person stopped, when they did."""
        super().__init__(*args, **kwargs)
        self._steps = steps
        self.fields["stopped_at_step"].validators.append(
            MaxValueValidator(steps, message=STOP_STEP_UNKNOWN)
        )
        self.stopped_at = stopped_at or self._stopped_in_data()
        if self.stopped_at:
            self.fields["extent_after"].label = EXTENT_WHEN_STOPPED
            self.fields["leg_pain_after"].label = LEG_PAIN_WHEN_STOPPED
            self.initial.setdefault("stopped_at_step", self.stopped_at)

    def _stopped_in_data(self) -> int | None:
        """The step a bound form says the person stopped at, if it is one of the steps."""
        value = str(self.data.get("stopped_at_step") or "") if self.is_bound else ""
        return int(value) if value.isdigit() and 1 <= int(value) <= self._steps else None

    def to_result(self, direction: str) -> dict[str, Any]:
        """The contract's movement-test result for ``direction``."""
        data = self.cleaned_data
        return {
            "direction": direction,
            "extent_before": data["extent_before"],
            "extent_after": data["extent_after"],
            "leg_pain_before": data["leg_pain_before"],
            "leg_pain_after": data["leg_pain_after"],
            "stopped_at_step": data["stopped_at_step"],
        }

    def add_engine_error(self, field: str, reason: str) -> None:
        self.add_error(self.ENGINE_FIELDS.get(field), reason)
