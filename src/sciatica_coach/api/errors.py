"""One error shape for every API answer that is not a success, naming the field:
``{"error": {"field": "profile.pain.leg", "reason": "11 is not between 0 and 10"}}``.

It is the shape the CLI's one-line refusals and the offline sync already use; a pydantic
validation error from the request body is turned into it with the engine's own words.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError, ValidationErrorContext

from sciatica_coach.engine import RefusedInput
from sciatica_coach.engine.validation import FieldProblem, field_path, reason


class Problem(Schema):
    field: str
    reason: str


class ErrorOut(Schema):
    error: Problem


class RateLimited(Exception):
    """Too many calls with one token in the current window."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"rate limit reached; retry after {retry_after} s")
        self.retry_after = retry_after


class Conflict(Exception):
    """The request is understood but cannot be done now (say, a review before it is due)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


def error_body(field: str, why: str) -> dict[str, Any]:
    return {"error": {"field": field, "reason": why}}


def _first_problem(source: str, first: dict[str, Any]) -> tuple[str, str]:
    """The first pydantic error as the engine would word it, from its raw form (with the input
    that was refused and the engine's own ``FieldProblem``). The path starts with where the
    value came from, ``body``/``query``/``path``, then the field's own path; the body's root is
    its name here."""
    loc = (source, *tuple(first.get("loc") or ()))
    where, rest = (str(loc[0]), loc[1:]) if loc else ("body", ())
    if where == "body" and rest:
        rest = rest[1:]  # the view's parameter name: ``payload``
    root = {"body": "body", "query": "query", "path": "path"}.get(where, where)
    path = field_path(root, tuple(rest))
    problem = (first.get("ctx") or {}).get("error")
    if isinstance(problem, FieldProblem):
        return f"{path}.{problem.field}", problem.reason
    try:
        return path, reason(first)  # type: ignore[arg-type]
    except (KeyError, TypeError):
        return path, str(first.get("msg", "is not valid"))


class CoachApi(NinjaAPI):
    """Ninja drops the refused value and flattens the engine's ``FieldProblem`` to text before
    any handler sees them; the refusal is worded here, while both are still there, so that the
    reason says what was sent ("'knee' is not one of ...")."""

    def validation_error_from_error_contexts(
        self, error_contexts: list[ValidationErrorContext[Any]]
    ) -> ValidationError:
        context = error_contexts[0]
        model: Any = context.model
        first = dict(context.pydantic_validation_error.errors(include_url=False)[0])
        loc = model.__ninja_flatten_map_reverse__.get(first["loc"], first["loc"])
        source = str(model.__ninja_param_source__)
        field, why = _first_problem(source, {**first, "loc": loc})
        return ValidationError(
            [{"loc": (source, *loc), "type": first["type"], "msg": why, "field": field}]
        )


def install(api: NinjaAPI) -> None:
    """Every refusal the API can give, in the one shape."""

    @api.exception_handler(ValidationError)
    def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        first = exc.errors[0]
        return api.create_response(
            request,
            error_body(first.get("field", ""), first.get("msg", "is not valid")),
            status=400,
        )

    @api.exception_handler(RefusedInput)
    def _refused(request: HttpRequest, exc: RefusedInput) -> HttpResponse:
        return api.create_response(request, error_body(exc.field, exc.reason), status=400)

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        why = "send a valid token as 'Authorization: Bearer TOKEN', or log in"
        return api.create_response(request, error_body("authorization", why), status=401)

    @api.exception_handler(RateLimited)
    def _limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
        response = api.create_response(request, error_body("authorization", str(exc)), status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(Conflict)
    def _conflict(request: HttpRequest, exc: Conflict) -> HttpResponse:
        return api.create_response(request, error_body(exc.field, exc.reason), status=409)

    @api.exception_handler(HttpError)
    def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # Ninja raises these for the CSRF check and our token scope: both about who is asking.
        field = "authorization" if exc.status_code in (401, 403) else ""
        return api.create_response(request, error_body(field, str(exc)), status=exc.status_code)
