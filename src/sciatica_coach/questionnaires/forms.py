"""Questionnaire forms. The ODI and RMDQ statements are copyrighted or fixed published texts: the
person answers on their own copy and enters the numbers; we score section values, never reproduce
the statements. PEG and PGIC are public domain; their questions are put in our own words."""

from typing import TYPE_CHECKING, Any, Final

from django import forms
from django.utils.translation import gettext_lazy as _

from sciatica_coach.engine.scores import PGIC_LABELS

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

ODI_SECTIONS: Final = (
    _("Pain intensity"),
    _("Personal care"),
    _("Lifting"),
    _("Walking"),
    _("Sitting"),
    _("Standing"),
    _("Sleeping"),
    _("Sex life (skip if it does not apply)"),
    _("Social life"),
    _("Travelling"),
)
RMDQ_ITEMS: Final = 24
SCALE_0_10 = [(n, str(n)) for n in range(11)]


def scale_0_to_10(label: "StrOrPromise", help_text: "StrOrPromise") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=SCALE_0_10,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "scale"}),
    )


class PegForm(forms.Form):
    pain = scale_0_to_10(
        _("Over the past week, how bad has your pain been on average?"),
        _("0 is no pain, 10 is as bad as you can imagine."),
    )
    enjoyment = scale_0_to_10(
        _("Over the past week, how much has pain got in the way of enjoying life?"),
        _("0 is not at all, 10 is completely."),
    )
    activity = scale_0_to_10(
        _("Over the past week, how much has pain got in the way of your everyday activity?"),
        _("0 is not at all, 10 is completely."),
    )

    def answers(self) -> dict[str, Any]:
        return {key: self.cleaned_data[key] for key in ("pain", "enjoyment", "activity")}


class PgicForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_(
            "Since you started the program, how would you describe the change in your back and "
            "leg pain, your activity and your quality of life overall?"
        ),
        choices=[(n, _(label).capitalize()) for n, label in PGIC_LABELS.items()],
        coerce=int,
        widget=forms.RadioSelect,
    )

    def answers(self) -> dict[str, Any]:
        return {"rating": self.cleaned_data["rating"]}


class RmdqForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, RMDQ_ITEMS + 1):
            self.fields[f"item_{number}"] = forms.BooleanField(
                label=_("Statement %(number)s applies to me today") % {"number": number},
                required=False,
            )

    def answers(self) -> dict[str, Any]:
        return {"items": [self.cleaned_data[f"item_{n}"] for n in range(1, RMDQ_ITEMS + 1)]}


class OdiForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("Not answered")), *[(n, str(n)) for n in range(6)]]
        for number, topic in enumerate(ODI_SECTIONS, 1):
            self.fields[f"section_{number}"] = forms.TypedChoiceField(
                label=_("Section %(number)s: %(topic)s") % {"number": number, "topic": topic},
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
            )

    def answers(self) -> dict[str, Any]:
        return {"sections": [self.cleaned_data[f"section_{n}"] for n in range(1, 11)]}


FORMS: Final[dict[str, type[PegForm | PgicForm | RmdqForm | OdiForm]]] = {
    "peg": PegForm,
    "pgic": PgicForm,
    "rmdq": RmdqForm,
    "odi": OdiForm,
}
