"""Forms for the toolkit. A bad answer marks its own field; Django keeps every other answer."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sciatica_coach.relief.models import HeatColdUse, ReliefSettings
from sciatica_coach.relief.rules import HEAT_COLD_LIMIT_MINUTES, MASSAGE_MAX_MINUTES, RELIEF_MAX
from sciatica_coach.web.limits import RecentDate

RELIEF_CHOICES = [(str(n), str(n)) for n in range(RELIEF_MAX + 1)]
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def relief_field(label: Any, *, required: bool) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=RELIEF_CHOICES,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        required=required,
    )


class HeatColdForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Heat or cold?"), choices=HeatColdUse.Kind.choices, widget=forms.RadioSelect
    )
    minutes = forms.IntegerField(
        label=_("How many minutes?"),
        min_value=1,
        max_value=HEAT_COLD_LIMIT_MINUTES,
        initial=HEAT_COLD_LIMIT_MINUTES,
        error_messages={
            "max_value": _("At most %(limit_value)s minutes at a time: longer can harm your skin."),
        },
    )
    relief = relief_field(
        _("How much relief did you feel? (0 = none, 10 = the pain went away; optional)"),
        required=False,
    )


class MedicationForm(forms.Form):
    name = forms.CharField(
        label=_("Medicine"),
        max_length=200,
        help_text=_("The name as it is written on the label or box."),
    )
    taken_at = forms.DateTimeField(
        label=_("When did you take it?"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        validators=[RecentDate()],
    )
    as_prescribed = forms.TypedChoiceField(
        label=_("Did you take it as your doctor or pharmacist told you?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, a side effect you want to tell your doctor about."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("taken_at", timezone.localtime().replace(second=0))

    def clean_taken_at(self) -> Any:
        taken_at = self.cleaned_data["taken_at"]
        if taken_at > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError(_("This time is in the future."), code="future")
        return taken_at


class SurgeryCheckForm(forms.Form):
    surgery_ruled_out = forms.ChoiceField(
        label=_(
            "Has a doctor examined you and ruled out anything that needs an operation "
            "or urgent treatment?"
        ),
        choices=ReliefSettings.SurgeryRuledOut.choices,
        widget=forms.RadioSelect,
    )


class MassageForm(forms.Form):
    given_by = forms.CharField(
        label=_("Who gave the massage?"),
        max_length=120,
        help_text=_("A therapist's name, or for example “my partner”."),
    )
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}), validators=[RecentDate()]
    )
    minutes = forms.IntegerField(
        label=_("How many minutes?"), min_value=1, max_value=MASSAGE_MAX_MINUTES
    )
    relief = relief_field(
        _("How much relief did you feel? (0 = none, 10 = the pain went away)"), required=True
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())

    def clean_date(self) -> Any:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future."), code="future")
        return date
