"""Forms that turn what a person ticks into the contract's profile and log shapes."""

from typing import Any, Final

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


PREGNANCY_STATUS: Final[choices.Choices] = [
    ("none", _("No, or it does not apply to me")),
    ("pregnant", _("I am pregnant")),
    ("postpartum", _("I gave birth in the last six weeks")),
]


class SafetyForm(PlainForm):
    """The intake's first step: the warning signs, asked before anything else (triage rules 1
    and 7), so that an emergency or urgent answer is acted on at once."""

    pregnancy_status = forms.ChoiceField(
        label=_("Are you pregnant, or did you give birth in the last six weeks?"),
        choices=PREGNANCY_STATUS,
        widget=forms.RadioSelect,
        initial="none",
    )
    red_flags = flags_field(_("Tick any that are true for you now"), choices.RED_FLAG_CHOICES)
    pregnancy_warning_signs = forms.BooleanField(
        label=choices.PREGNANCY_SIGNS_QUESTION, required=False
    )
    cleared_red_flags = flags_field(
        _("A doctor has already checked this and said it is safe to exercise"),
        choices.CLEARABLE_FLAG_CHOICES,
    )

    def answers(self) -> dict[str, Any]:
        """The engine's ``screen`` input."""
        data = self.cleaned_data
        flags = list(data["red_flags"])
        if data["pregnancy_warning_signs"]:
            # Triage rule 7: it counts whenever it is reported, asked or not.
            flags.append(choices.PREGNANCY_FLAG)
        return {
            "red_flags": flags,
            "cleared_red_flags": list(data["cleared_red_flags"]),
            "pregnant_or_postpartum": data["pregnancy_status"] != "none",
        }

    @classmethod
    def initial_from(cls, profile: dict[str, Any]) -> dict[str, Any]:
        flags = [f for f in profile["red_flags"] if f not in choices.IMPLIED_ONLY]
        status = "none"
        if profile.get("pregnancy_weeks") is not None:
            status = "pregnant"
        elif profile.get("weeks_since_birth") is not None:
            status = "postpartum"
        return {
            "pregnancy_status": status,
            "red_flags": [f for f in flags if f != choices.PREGNANCY_FLAG],
            "pregnancy_warning_signs": choices.PREGNANCY_FLAG in flags,
            "cleared_red_flags": profile.get("cleared_red_flags", []),
        }


# NICE and the contract: people aged 65 or more are asked whether getting down to the floor and
# up again is hard or unsafe (the profile's ``floor_ok``).
ASK_FLOOR_FROM_AGE: Final = 65


class IntakeForm(PlainForm):
    """The intake's second step: where it hurts, the cause, the person, pain and equipment.

    Numbers are checked by the engine, not here, so a refused one reads the same everywhere
    ("130 is not between 0 and 120"), on the field it belongs to.
    """

    leg_side = forms.ChoiceField(
        label=_("Which leg do you feel it in?"), choices=choices.LEG_SIDES, widget=forms.RadioSelect
    )
    both_legs_days = forms.IntegerField(
        label=_("If both legs: for how many days have both legs been affected?"),
        required=False,
    )
    extent = forms.ChoiceField(
        label=_("How far down does it reach?"), choices=choices.EXTENTS, widget=forms.RadioSelect
    )
    pins_and_needles = forms.BooleanField(label=_("I have pins and needles"), required=False)
    numbness = forms.BooleanField(label=_("I have numb patches"), required=False)
    weakness = forms.BooleanField(label=_("My leg feels weak"), required=False)
    onset_days = forms.IntegerField(label=_("How many days ago did it start?"), initial=7)
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
    age = forms.IntegerField(label=_("Your age"))
    sex = forms.ChoiceField(label=_("Sex"), choices=choices.SEXES, widget=forms.RadioSelect)
    pregnancy_weeks = forms.IntegerField(
        label=_("How many weeks pregnant are you?"), required=False
    )
    weeks_since_birth = forms.IntegerField(
        label=_("How many weeks ago did you give birth?"),
        required=False,
    )
    floor_ok = forms.ChoiceField(
        label=_("Can you get down to the floor and up again safely?"),
        choices=[("yes", _("Yes")), ("no", _("No, or it is hard for me"))],
        widget=forms.RadioSelect,
        required=False,
        help_text=_("If not, every exercise in your plan is done sitting or standing."),
    )
    walking_tolerance_min = forms.IntegerField(
        label=_("How many minutes can you walk before your leg makes you stop?"),
        required=False,
        help_text=_("Leave empty if you don't know, or if walking does not bring it on."),
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
        "profile.weeks_since_birth": "weeks_since_birth",
        "profile.symptoms.leg_side": "leg_side",
        "profile.symptoms.both_legs_days": "both_legs_days",
        "profile.symptoms.extent": "extent",
        "profile.symptoms.onset_days": "onset_days",
        "profile.pain.leg": "pain_leg",
        "profile.pain.back": "pain_back",
        "profile.diagnoses": "conditions",
        "profile.equipment": "equipment",
        "profile.floor_ok": "floor_ok",
        "profile.walking_tolerance_min": "walking_tolerance_min",
    }

    def __init__(self, *args: Any, pregnancy_status: str = "none", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pregnancy_status = pregnancy_status

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.pregnancy_status == "pregnant" and data.get("pregnancy_weeks") is None:
            self.add_error("pregnancy_weeks", _("Please say how many weeks pregnant you are."))
        if self.pregnancy_status == "postpartum" and data.get("weeks_since_birth") is None:
            self.add_error("weeks_since_birth", _("Please say how many weeks ago it was."))
        if data.get("leg_side") == "both" and data.get("both_legs_days") is None:
            self.add_error(
                "both_legs_days",
                _("Please say for how many days: pain in both legs can need a doctor at once."),
            )
        age = data.get("age")
        if age is not None and age >= ASK_FLOOR_FROM_AGE and not data.get("floor_ok"):
            self.add_error(
                "floor_ok", _("Please answer: it decides whether floor exercises are safe for you.")
            )
        return data

    def to_profile(self, safety: dict[str, Any], previous: dict[str, Any] | None) -> dict[str, Any]:
        """The contract's profile from both steps; what the program learnt since is kept."""
        data = self.cleaned_data
        previous = previous or {}
        status = self.pregnancy_status
        return {
            "contract": CONTRACT,
            "age": data["age"],
            "sex": data["sex"],
            "pregnancy_weeks": data["pregnancy_weeks"] if status == "pregnant" else None,
            "weeks_since_birth": data["weeks_since_birth"] if status == "postpartum" else None,
            "symptoms": {
                "leg_side": data["leg_side"],
                "extent": data["extent"],
                "pins_and_needles": data["pins_and_needles"],
                "numbness": data["numbness"],
                "weakness": data["weakness"],
                "onset_days": data["onset_days"],
                "both_legs_days": (data["both_legs_days"] if data["leg_side"] == "both" else None),
            },
            "red_flags": safety["red_flags"],
            "diagnoses": [
                {"condition": c, "confirmed_by_clinician": data["confirmed"] == "yes"}
                for c in data["conditions"]
            ],
            "cleared_red_flags": safety["cleared_red_flags"],
            "pain": {"leg": data["pain_leg"], "back": data["pain_back"]},
            "equipment": data["equipment"],
            "floor_ok": data["floor_ok"] != "no",
            "walking_tolerance_min": data["walking_tolerance_min"],
            # Kept from before: the self-check, and what the reviews and the movement test found.
            "assessment": previous.get("assessment", {}),
            "avoid_exercises": previous.get("avoid_exercises", []),
            "directional_preference": previous.get("directional_preference", "unknown"),
            "avoid_directions": previous.get("avoid_directions", []),
            # What a clinician asked of the plan is theirs to change, not the intake's.
            **(
                {"clinician_plan": previous["clinician_plan"]}
                if "clinician_plan" in previous
                else {}
            ),
        }

    @classmethod
    def initial_from(cls, profile: dict[str, Any]) -> dict[str, Any]:
        diagnoses = profile["diagnoses"]
        symptoms = profile["symptoms"]
        return {
            "leg_side": symptoms["leg_side"],
            "both_legs_days": symptoms.get("both_legs_days"),
            "extent": symptoms["extent"],
            "pins_and_needles": symptoms["pins_and_needles"],
            "numbness": symptoms["numbness"],
            "weakness": symptoms["weakness"],
            "onset_days": symptoms["onset_days"],
            "conditions": [d["condition"] for d in diagnoses],
            "confirmed": "yes" if any(d["confirmed_by_clinician"] for d in diagnoses) else "no",
            "age": profile["age"],
            "sex": profile["sex"],
            "pregnancy_weeks": profile.get("pregnancy_weeks"),
            "weeks_since_birth": profile.get("weeks_since_birth"),
            "floor_ok": "yes" if profile.get("floor_ok", True) else "no",
            "walking_tolerance_min": profile.get("walking_tolerance_min"),
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

    def __init__(self, *args: Any, pregnant_or_postpartum: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Triage rule 7: the pregnancy warning signs are asked at every check-in, of everyone
        # pregnant or in the six weeks after a birth, and of no one else.
        field = self.fields["red_flags"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101 - narrows the type
        field.choices = choices.flag_choices(pregnant_or_postpartum=pregnant_or_postpartum)


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


class ReviewForm(PlainForm):
    """The weekly review asks one thing again: how far the person can walk now (plan rule 7)."""

    walking_tolerance_min = forms.IntegerField(
        label=_("How many minutes can you walk now before your leg makes you stop?"),
        required=False,
        help_text=_("Leave empty if you don't know, or if walking does not bring it on."),
    )
