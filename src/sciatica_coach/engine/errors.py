"""The one exception the engine raises when it refuses an input."""


class RefusedInput(ValueError):
    """The input was refused. ``field`` is a dotted path such as ``profile.pain.leg``."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "reason": self.reason}
