from django import forms
from django.utils.translation import gettext_lazy as _

from sciatica_coach.api.models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("Something to tell it apart, such as the app or phone that uses it."),
    )
    scope = forms.ChoiceField(
        label=_("What it may do"),
        choices=ApiToken.Scope.choices,
        widget=forms.RadioSelect,
        initial=ApiToken.Scope.READ,
    )
    days = forms.IntegerField(
        label=_("Valid for how many days?"),
        min_value=1,
        max_value=365,
        initial=90,
        help_text=_("At most a year. You can revoke it sooner at any time."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
