"""Forms for the clinic's pages. Choices come from the engine's vocabulary and catalog; a
refusal from a service is put back on the field it names (``refusal_onto``)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sciatica_coach.clinic.actions import EDIT_OPS
from sciatica_coach.clinic.models import Staff
from sciatica_coach.clinic.services import Refused
from sciatica_coach.engine import catalog
from sciatica_coach.engine.clinician_plan import MAX_HOLD_S, MAX_REPS, MAX_SETS
from sciatica_coach.engine.vocabulary import (
    CONDITION_TEXT,
    DIRECTIONAL_PREFERENCE_TEXT,
    RED_FLAGS,
)


def exercise_choices() -> list[tuple[str, str]]:
    return sorted(
        ((e["id"], str(e["name"])) for e in catalog() if not e.get("check_only")),
        key=lambda pair: pair[1],
    )


def refusal_onto(form: forms.Form, refusal: Refused) -> None:
    """Mark the field the refusal names (or the whole form), keeping everything typed."""
    field = form.fields.get(refusal.field)
    visible = field is not None and not field.widget.is_hidden
    form.add_error(refusal.field if visible else None, refusal.reason)


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Invitation code"), max_length=16, strip=True)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))
    shared = forms.BooleanField(label=_("Share this note with the patient"), required=False)


class DiagnosisForm(forms.Form):
    conditions = forms.MultipleChoiceField(
        label=_("Cause confirmed after assessment"),
        choices=list(CONDITION_TEXT.items()),
        widget=forms.CheckboxSelectMultiple,
    )


class FlagClearForm(forms.Form):
    flag = forms.ChoiceField(label=_("Warning sign assessed"))
    assessment = forms.CharField(
        label=_("What the assessment found"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, reported: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Every flag is offered so that a refusal names the rule; the ones this person
        # reports come first.
        order = [*(reported or []), *(f for f in RED_FLAGS if f not in (reported or []))]
        self.fields["flag"].choices = [  # type: ignore[attr-defined]
            (f, RED_FLAGS[f].text + ("" if RED_FLAGS[f].clearable else " (not clearable)"))
            for f in order
            if f in RED_FLAGS
        ]


class PreferenceForm(forms.Form):
    preference = forms.ChoiceField(
        label=_("Directional preference"),
        choices=list(DIRECTIONAL_PREFERENCE_TEXT.items()),
        widget=forms.RadioSelect,
    )
    avoid_directions = forms.MultipleChoiceField(
        label=_("Directions to avoid"),
        choices=[("flexion", _("flexion (bending forward)")), ("extension", _("extension"))],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class AvoidForm(forms.Form):
    exercise = forms.ChoiceField(label=_("Exercise"))
    avoid = forms.TypedChoiceField(
        label=_("Avoid it?"),
        choices=[("yes", _("Add to the list to avoid")), ("no", _("Take off the list"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exercise"].choices = exercise_choices()  # type: ignore[attr-defined]


class PlanEditForm(forms.Form):
    op = forms.ChoiceField(
        label=_("Change"),
        choices=[
            (op, label)
            for op, label in zip(
                EDIT_OPS,
                [_("Add"), _("Take out"), _("Change the dose"), _("Let back in")],
                strict=True,
            )
        ],
    )
    exercise = forms.ChoiceField(label=_("Exercise"))
    sets = forms.IntegerField(label=_("Sets"), min_value=1, max_value=MAX_SETS, required=False)
    reps = forms.IntegerField(
        label=_("Repetitions"), min_value=1, max_value=MAX_REPS, required=False
    )
    hold_s = forms.IntegerField(
        label=_("Hold (seconds)"), min_value=0, max_value=MAX_HOLD_S, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exercise"].choices = exercise_choices()  # type: ignore[attr-defined]


class ReviewSeenForm(forms.Form):
    ref = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Your decision, for the patient to read"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TemplateSaveForm(forms.Form):
    name = forms.CharField(label=_("Template name"), max_length=120)


class TemplateAssignForm(forms.Form):
    patients = forms.MultipleChoiceField(label=_("Give it to"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["patients"].choices = [  # type: ignore[attr-defined]
            (str(pk), name) for pk, name in people
        ]


class InvitationForm(forms.Form):
    label = forms.CharField(
        label=_("Who it is for (seen by the clinic only)"), max_length=120, required=False
    )


class StaffForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Staff.Role.choices)
