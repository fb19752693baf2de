"""Sign-up, and the forms that check a password: each counts wrong ones for the lockout."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    UserCreationForm,
)
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sciatica_coach.accounts import lockout

EMAIL_TAKEN = _(
    "An account with this e-mail address already exists. Log in, or reset its password."
)
WRONG_PASSWORD = _("That is not your password.")


def locked_out_message(wait_s: int) -> str:
    minutes = max(1, (wait_s + 59) // 60)
    return ngettext(
        "Too many wrong passwords. For your safety, please wait %(minutes)d minute before "
        "trying again, or reset your password by e-mail.",
        "Too many wrong passwords. For your safety, please wait %(minutes)d minutes before "
        "trying again, or reset your password by e-mail.",
        minutes,
    ) % {"minutes": minutes}


def password_checked(
    *, user: User, password: str, request: HttpRequest | None, field: str = "password"
) -> None:
    """Raise a form error unless ``password`` is ``user``'s and no wait is due; count failures."""
    address = lockout.client_address(request)
    wait = lockout.login_wait_s(username=user.get_username(), address=address)
    if wait:
        raise forms.ValidationError(locked_out_message(wait), code="locked_out")
    if not user.check_password(password):
        lockout.login_failure_record(username=user.get_username(), address=address)
        raise forms.ValidationError(WRONG_PASSWORD, code="password_incorrect")


class SignupForm(UserCreationForm):  # type: ignore[type-arg]
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("Only used to reset your password. We never send anything else."),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def clean_email(self) -> str:
        # One address, one account: a reset link or a reminder must reach exactly one person.
        email: str = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(EMAIL_TAKEN, code="email_taken")
        return email


class LockoutAuthenticationForm(AuthenticationForm):
    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        address = lockout.client_address(self.request)
        wait = lockout.login_wait_s(username=username, address=address) if username else 0
        if wait:
            raise forms.ValidationError(locked_out_message(wait), code="locked_out")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                lockout.login_failure_record(username=username, address=address)
            raise
        lockout.login_success_record(username=username)
        return cleaned


class LockoutPasswordChangeForm(PasswordChangeForm):
    """The old password counts for the lockout like a login does."""

    def __init__(self, user: User, *args: Any, request: HttpRequest | None = None, **kw: Any):
        super().__init__(user, *args, **kw)
        self.request = request

    def clean_old_password(self) -> str:
        old: str = self.cleaned_data["old_password"]
        password_checked(user=self.user, password=old, request=self.request)
        return old


class QuietPasswordResetForm(PasswordResetForm):
    """Hands the whole job to a background task: the page answers in the same time whether the
    address has an account or not, and nothing about the link is logged here."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        from sciatica_coach.accounts.tasks import password_reset_send

        request = kwargs.get("request")
        password_reset_send.enqueue(
            email=self.cleaned_data["email"],
            domain=request.get_host() if request is not None else "",
            use_https=bool(kwargs.get("use_https")),
        )
