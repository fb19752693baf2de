"""``{% related_reading answer profile %}``: education pages linked from the plan (the engine's
answer, as stored) where they matter."""

from typing import Any

from django import template

from sciatica_coach.education.pages import pages_related

register = template.Library()


@register.inclusion_tag("education/related.html")
def related_reading(answer: dict[str, Any], profile: dict[str, Any]) -> dict[str, Any]:
    conditions = {d["condition"] for d in profile.get("diagnoses", [])}
    exercises = {
        item["exercise"] for session in (answer.get("sessions") or []) for item in session["items"]
    }
    return {"pages": pages_related(conditions=conditions, exercises=exercises)}
