"""Reading a JSON request body with limits: its size, and how deeply it nests.

Python's parser recurses once per level, so a body of ten thousand ``[`` would end in a
RecursionError (a 500) before any check of its shape could run; and a few megabytes of JSON
would be parsed in full only to be refused. Both are refused here first, with the field named.
"""

import json
from typing import Any, Final

MAX_BYTES: Final = 64 * 1024  # an offline session is under 2 KB
MAX_DEPTH: Final = 8  # an offline session nests 3 deep


class BadBody(ValueError):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def _depth(text: str) -> int:
    """How deeply brackets nest, outside strings, without recursing."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def json_body(body: bytes, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    if len(body) > max_bytes:
        raise BadBody("body", f"is larger than {max_bytes} bytes")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadBody("body", "is not UTF-8") from None
    if _depth(text) > max_depth:
        raise BadBody("body", f"nests deeper than {max_depth} levels")
    try:
        return json.loads(text)
    except (json.JSONDecodeError, ValueError):  # ValueError: a number of 5,000 digits
        raise BadBody("body", "not valid JSON") from None
