"""Sign-up and tokens: the two calls made before a person has a token."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Router, Status

from sciatica_coach.accounts.forms import LockoutAuthenticationForm, SignupForm
from sciatica_coach.api import tokens
from sciatica_coach.api.errors import ErrorOut, error_body
from sciatica_coach.api.schemas import AccountOut, NewTokenOut, SignupIn, TokenIn

router = Router(tags=["account"])


def _form_problem(form: SignupForm | LockoutAuthenticationForm) -> tuple[str, str]:
    field, errors = next(iter(form.errors.items()))
    return ("" if field == "__all__" else field), str(errors[0])


@router.post(
    "/accounts",
    auth=None,
    response={201: AccountOut, 400: ErrorOut, 403: ErrorOut},
    summary="Make an account (when sign-up is open)",
)
def account_create(request: HttpRequest, payload: SignupIn) -> Any:
    if not settings.API_SIGNUP_ENABLED:
        return Status(403, error_body("", "sign-up through the API is turned off on this server"))
    form = SignupForm(
        {
            "username": payload.username,
            "email": payload.email,
            "password1": payload.password,
            "password2": payload.password,
        }
    )
    if not form.is_valid():
        field, why = _form_problem(form)
        return Status(400, error_body("password" if field.startswith("password") else field, why))
    user = form.save()
    return Status(201, {"id": user.pk, "username": user.username})


@router.post(
    "/token",
    auth=None,
    response={201: NewTokenOut, 400: ErrorOut},
    summary="Make a personal token with a username and password",
)
def token_create(request: HttpRequest, payload: TokenIn) -> Any:
    # The same form as the login page: the same lockout after repeated wrong passwords.
    form = LockoutAuthenticationForm(
        request, data={"username": payload.username, "password": payload.password}
    )
    if not form.is_valid():
        _field, why = _form_problem(form)
        return Status(400, error_body("password", why))
    token, key = tokens.token_create(
        user=form.get_user(), name=payload.name, scope=payload.scope, days=payload.days
    )
    return Status(201, {**tokens.token_fields(token), "token": key})
