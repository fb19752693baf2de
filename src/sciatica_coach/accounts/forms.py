"""Sign-up and a login form that refuses to check passwords while an account is locked."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from sciatica_coach.accounts import lockout

LOCKED_OUT = _(
    "Too many wrong passwords. For your safety this account is locked for 15 minutes. "
    "You can reset your password by e-mail instead."
)


class SignupForm(UserCreationForm):  # type: ignore[type-arg]
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("Only used to reset your password. We never send anything else."),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")


class LockoutAuthenticationForm(AuthenticationForm):
    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        if username and lockout.login_locked_out(username=username):
            raise forms.ValidationError(LOCKED_OUT, code="locked_out")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                lockout.login_failure_record(username=username)
            raise
        lockout.login_success_record(username=username)
        return cleaned
