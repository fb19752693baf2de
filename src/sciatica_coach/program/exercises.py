"""The engine's exercise catalog, looked up by id for pages that show plan items."""

from functools import cache
from typing import Any

from sciatica_coach import engine


@cache
def catalog_by_id() -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in engine.catalog()}


def exercise_get(exercise_id: str) -> dict[str, Any] | None:
    return catalog_by_id().get(exercise_id)


def exercise_filter(*, kind: str = "", position: str = "") -> list[dict[str, Any]]:
    """The library: every exercise a plan can hold (the self-check positions are on their page)."""
    return [
        entry
        for entry in catalog_by_id().values()
        if not entry["check_only"]
        and (not kind or entry["kind"] == kind)
        and (not position or entry["position"] == position)
    ]
