"""Forms that turn what a person ticks into the contract's profile and log shapes."""

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from sciatica_coach.engine.vocabulary import CONTRACT
from sciatica_coach.program import choices

PAIN_CHOICES = [(str(n), str(n)) for n in range(11)]
# What 0 and 10 mean is part of the question (the fieldset's legend), so a screen reader hears it
# too; the intake and the check before and after each session ask in the same words.
LEG_PAIN_NOW = _("Leg pain right now (0 = none, 10 = worst imaginable)")
BACK_PAIN_NOW = _("Back pain right now (0 = none, 10 = worst imaginable)")


def pain_field(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=PAIN_CHOICES, coerce=int, widget=forms.RadioSelect, required=True
    )


def flags_field(label: Any, flag_choices: choices.Choices) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=flag_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class PlainForm(forms.Form):
    """Labels are questions; a colon after a question mark reads badly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class IntakeForm(PlainForm):
    leg_side = forms.ChoiceField(
        label=_("Which leg do you feel it in?"), choices=choices.LEG_SIDES, widget=forms.RadioSelect
    )
    extent = forms.ChoiceField(
        label=_("How far down does it reach?"), choices=choices.EXTENTS, widget=forms.RadioSelect
    )
    pins_and_needles = forms.BooleanField(label=_("I have pins and needles"), required=False)
    numbness = forms.BooleanField(label=_("I have numb patches"), required=False)
    weakness = forms.BooleanField(label=_("My leg feels weak"), required=False)
    onset_days = forms.IntegerField(
        label=_("How many days ago did it start?"), min_value=0, initial=7
    )
    red_flags = flags_field(_("Tick any that are true for you now"), choices.RED_FLAG_CHOICES)
    cleared_red_flags = flags_field(
        _("A doctor has already checked this and said it is safe to exercise"),
        choices.CLEARABLE_FLAG_CHOICES,
    )
    conditions = forms.MultipleChoiceField(
        label=_("What did a doctor or physiotherapist say is causing it?"),
        choices=choices.CONDITIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave this empty if nobody has told you yet."),
    )
    confirmed = forms.ChoiceField(
        label=_("Did a doctor or physiotherapist confirm this after examining you?"),
        choices=[("yes", _("Yes")), ("no", _("No, it is my own guess"))],
        widget=forms.RadioSelect,
        required=False,
    )
    age = forms.IntegerField(label=_("Your age"), min_value=0)
    sex = forms.ChoiceField(label=_("Sex"), choices=choices.SEXES, widget=forms.RadioSelect)
    pregnancy_weeks = forms.IntegerField(
        label=_("If you are pregnant: how many weeks?"),
        required=False,
        min_value=0,
        help_text=_("Leave empty if you are not pregnant."),
    )
    pain_leg = pain_field(LEG_PAIN_NOW)
    pain_back = pain_field(BACK_PAIN_NOW)
    equipment = forms.MultipleChoiceField(
        label=_("What do you have at home?"),
        choices=choices.EQUIPMENT,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    # Where the engine names a refused field, the form marks the matching input.
    ENGINE_FIELDS = {
        "profile.age": "age",
        "profile.sex": "sex",
        "profile.pregnancy_weeks": "pregnancy_weeks",
        "profile.symptoms.leg_side": "leg_side",
        "profile.symptoms.extent": "extent",
        "profile.symptoms.onset_days": "onset_days",
        "profile.pain.leg": "pain_leg",
        "profile.pain.back": "pain_back",
        "profile.red_flags": "red_flags",
        "profile.cleared_red_flags": "cleared_red_flags",
        "profile.diagnoses": "conditions",
        "profile.equipment": "equipment",
    }

    def to_profile(self, previous: dict[str, Any] | None) -> dict[str, Any]:
        data = self.cleaned_data
        previous = previous or {}
        return {
            "contract": CONTRACT,
            "age": data["age"],
            "sex": data["sex"],
            "pregnancy_weeks": data["pregnancy_weeks"],
            "symptoms": {
                "leg_side": data["leg_side"],
                "extent": data["extent"],
                "pins_and_needles": data["pins_and_needles"],
                "numbness": data["numbness"],
                "weakness": data["weakness"],
                "onset_days": data["onset_days"],
            },
            "red_flags": data["red_flags"],
            "diagnoses": [
                {"condition": c, "confirmed_by_clinician": data["confirmed"] == "yes"}
                for c in data["conditions"]
            ],
            "cleared_red_flags": data["cleared_red_flags"],
            "pain": {"leg": data["pain_leg"], "back": data["pain_back"]},
            # Kept from before: the self-assessment and what the reviews took out.
            "assessment": previous.get("assessment", {}),
            "equipment": data["equipment"],
            "avoid_exercises": previous.get("avoid_exercises", []),
        }

    @classmethod
    def initial_from(cls, profile: dict[str, Any]) -> dict[str, Any]:
        diagnoses = profile["diagnoses"]
        return {
            "leg_side": profile["symptoms"]["leg_side"],
            "extent": profile["symptoms"]["extent"],
            "pins_and_needles": profile["symptoms"]["pins_and_needles"],
            "numbness": profile["symptoms"]["numbness"],
            "weakness": profile["symptoms"]["weakness"],
            "onset_days": profile["symptoms"]["onset_days"],
            "red_flags": profile["red_flags"],
            "cleared_red_flags": profile.get("cleared_red_flags", []),
            "conditions": [d["condition"] for d in diagnoses],
            "confirmed": "yes" if any(d["confirmed_by_clinician"] for d in diagnoses) else "no",
            "age": profile["age"],
            "sex": profile["sex"],
            "pregnancy_weeks": profile["pregnancy_weeks"],
            "pain_leg": str(profile["pain"]["leg"]),
            "pain_back": str(profile["pain"]["back"]),
            "equipment": profile.get("equipment", []),
        }

    def add_engine_error(self, field: str, reason: str) -> None:
        name = next(
            (
                form_field
                for path, form_field in self.ENGINE_FIELDS.items()
                if field.startswith(path)
            ),
            None,
        )
        self.add_error(name, reason)


class SessionCheckForm(PlainForm):
    """The check before and after a session: pain, how far down, and the warning signs."""

    pain_leg = pain_field(LEG_PAIN_NOW)
    pain_back = pain_field(BACK_PAIN_NOW)
    extent = forms.ChoiceField(
        label=_("How far down your leg do you feel it right now?"),
        choices=choices.EXTENTS,
        widget=forms.RadioSelect,
    )
    red_flags = flags_field(_("Is any of these true for you now?"), choices.RED_FLAG_CHOICES)
    red_flags.help_text = _("These are rare. If none is true, leave them all empty.")
    spreading = forms.BooleanField(required=False, widget=forms.HiddenInput)


HOLD_CAP = _(
    "The hold stops at %(limit_value)s seconds: no need to go on longer. Enter %(limit_value)s "
    "or less."
)
COUNT_CAP = _("The count stops at %(limit_value)s. Enter %(limit_value)s or less.")


class AssessmentForm(PlainForm):
    """The ten self-tests; every one is optional, as in the contract."""

    trunk_flexor_s = forms.FloatField(label=_("Seconds held"), required=False, min_value=0)
    trunk_extensor_s = forms.FloatField(label=_("Seconds held"), required=False, min_value=0)
    side_bridge_left_s = forms.FloatField(
        label=_("Seconds held on your left side"), required=False, min_value=0
    )
    side_bridge_right_s = forms.FloatField(
        label=_("Seconds held on your right side"), required=False, min_value=0
    )
    thomas_test = forms.ChoiceField(
        label=_("Which thigh lifted off the bed?"),
        choices=choices.SIDED,
        required=False,
        widget=forms.RadioSelect,
    )
    slr_left_deg = forms.IntegerField(label=_("Left leg, degrees"), required=False, min_value=0)
    slr_right_deg = forms.IntegerField(label=_("Right leg, degrees"), required=False, min_value=0)
    single_leg_bridge_left_reps = forms.IntegerField(
        label=_("Bridges on your left leg"), required=False, min_value=0
    )
    single_leg_bridge_right_reps = forms.IntegerField(
        label=_("Bridges on your right leg"), required=False, min_value=0
    )
    trendelenburg = forms.ChoiceField(
        label=_("Standing on which leg did your hip drop?"),
        choices=choices.SIDED,
        required=False,
        widget=forms.RadioSelect,
    )

    # The timed holds and the counted checks: the engine caps both (checks rule 3).
    HOLDS = ("trunk_flexor_s", "trunk_extensor_s", "side_bridge_left_s", "side_bridge_right_s")
    COUNTS = ("single_leg_bridge_left_reps", "single_leg_bridge_right_reps")

    def __init__(
        self,
        *args: Any,
        offered: list[str] | None = None,
        limits: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        """``offered`` and ``limits`` come from ``engine.checks``: only the offered checks are
        asked, and no hold or count may go past its cap."""
        super().__init__(*args, **kwargs)
        if offered is not None:
            for name in [n for n in self.fields if n not in offered]:
                del self.fields[name]
        if limits:
            for name in self.HOLDS:
                if name in self.fields:
                    self._cap(name, limits["hold_cap_s"], HOLD_CAP)
            for name in self.COUNTS:
                if name in self.fields:
                    self._cap(name, limits["rep_cap"], COUNT_CAP)

    def _cap(self, name: str, cap: int, message: Any) -> None:
        field = self.fields[name]
        field.validators.append(MaxValueValidator(cap, message=message))
        field.widget.attrs["max"] = str(cap)

    def to_assessment(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}

    def add_engine_error(self, field: str, reason: str) -> None:
        name = field.removeprefix("assessment.").removeprefix("profile.assessment.")
        self.add_error(name if name in self.fields else None, reason)
