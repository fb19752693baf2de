from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sciatica_coach.accounts.forms import password_checked

CONFIRM_WORD = "DELETE"


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.CharField(
        label=_("Type DELETE to confirm"),
        help_text=_("This cannot be undone. Download your data first if you want to keep it."),
    )

    def __init__(
        self, *args: Any, user: User, request: HttpRequest | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        # Counts for the lockout: deleting an account is no way round it.
        password_checked(user=self.user, password=password, request=self.request)
        return password

    def clean_confirm(self) -> str:
        word: str = self.cleaned_data["confirm"].strip()
        if word.upper() != CONFIRM_WORD:
            raise forms.ValidationError(_("Please type DELETE in capital letters."))
        return word
