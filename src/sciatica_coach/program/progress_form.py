"""The player's per-step save (``session_progress``): how far the person got.

Sent by a script and by ``sendBeacon`` on every step, so its refusals are short: 400 with the
field named, and nothing stored. The exercises done are not checked here: the service keeps
only names in the session (a beacon from an older copy of the page may carry one a review has
since taken out, which is dropped rather than refused).
"""

from django import forms

from sciatica_coach.web.limits import STEP_MAX


class SessionProgressForm(forms.Form):
    step = forms.IntegerField(min_value=0, max_value=STEP_MAX)

    def first_error(self) -> tuple[str, str]:
        name, errors = next(iter(self.errors.items()))
        return name, str(errors[0])
