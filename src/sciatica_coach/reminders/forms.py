"""The reminder settings form. The time zone comes from the browser unless the person types one."""

import datetime as dt
from functools import cache
from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.utils.translation import gettext_lazy as _

from sciatica_coach.reminders.models import DEFAULT_EVENING, DEFAULT_MORNING

FALLBACK_ZONE = "UTC"
UNKNOWN_ZONE = _(
    "We do not know this time zone. Use a name like Europe/London or America/New_York."
)
NO_EMAIL = _("Add an e-mail address to your account first.")


@cache
def known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def time_field(label: Any, initial: dt.time) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        initial=initial,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%H:%M:%S"],
    )


class ReminderSettingsForm(forms.Form):
    time_zone = forms.CharField(
        label=_("Your time zone"),
        required=False,
        max_length=64,
        help_text=_(
            "For example Europe/London. Leave it empty to use the time zone of this device."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    # Filled by a small script with the browser's own zone (Intl API); UTC without script.
    browser_time_zone = forms.CharField(required=False, widget=forms.HiddenInput)
    morning_at = time_field(_("Morning session at"), DEFAULT_MORNING)
    evening_at = time_field(_("Evening session at"), DEFAULT_EVENING)
    email_on = forms.BooleanField(
        label=_("Send me an e-mail when it is time for a session I have not done yet"),
        required=False,
    )

    def __init__(self, *args: Any, has_email: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_email = has_email

    def clean_time_zone(self) -> str:
        zone: str = self.cleaned_data["time_zone"].strip()
        if zone and zone not in known_zones():
            raise forms.ValidationError(UNKNOWN_ZONE, code="unknown_zone")
        return zone

    def clean_email_on(self) -> bool:
        email_on: bool = self.cleaned_data["email_on"]
        if email_on and not self.has_email:
            raise forms.ValidationError(NO_EMAIL, code="no_email")
        return email_on

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("time_zone") and "time_zone" not in self.errors:
            browser = (data.get("browser_time_zone") or "").strip()
            data["time_zone"] = browser if browser in known_zones() else FALLBACK_ZONE
        return data
