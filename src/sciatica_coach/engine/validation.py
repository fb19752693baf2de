"""Turns pydantic's errors into one ``RefusedInput`` that names the field and the reason.

Every model the engine reads from JSON derives from ``Input``: frozen, and unknown keys refused,
because a misspelt key (``red_flag`` for ``red_flags``) silently dropped could hide an emergency.
"""

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from sciatica_coach.engine.errors import RefusedInput


class Input(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class Output(BaseModel):
    model_config = ConfigDict(frozen=True)


def _between(low: float, high: float) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if not low <= value <= high:
            raise PydanticCustomError(
                "range",
                "{value} is not between {low} and {high}",
                {"value": value, "low": low, "high": high},
            )
        return value

    return check


def between(low: float, high: float) -> AfterValidator:
    """A range check whose refusal reads ``11 is not between 0 and 10``."""
    return AfterValidator(_between(low, high))


class FieldProblem(ValueError):
    """Raised inside a model validator to refuse one named field of the model."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


def field_path(root: str, loc: tuple[int | str, ...]) -> str:
    path = root
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return "an object" if isinstance(value, dict) else "a list"
    return str(value)


_TYPE_NAMES: Mapping[str, str] = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "string_type": "a string",
    "list_type": "a list",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "date_type": "a date like 2026-10-29",
    "date_parsing": "a date like 2026-10-29",
    "date_from_datetime_parsing": "a date like 2026-10-29",
    "date_from_datetime_inexact": "a date like 2026-10-29",
}


def reason(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind == "literal_error":
        return f"{_describe(value)} is not one of {ctx.get('expected')}"
    if kind in _TYPE_NAMES:
        return f"{_describe(value)} is not {_TYPE_NAMES[kind]}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def parse[M: BaseModel](model: type[M], data: object, root: str) -> M:
    """Validate ``data`` as ``model``; refuse it with the first error's field path and reason."""
    if not isinstance(data, dict):
        raise RefusedInput(root, f"{_describe(data)} is not an object")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        path = field_path(root, tuple(first["loc"]))
        problem = (first.get("ctx") or {}).get("error")
        if isinstance(problem, FieldProblem):
            raise RefusedInput(f"{path}.{problem.field}", problem.reason) from None
        raise RefusedInput(path, reason(first)) from None
