"""``{% related_reading plan profile %}``: education pages linked from the plan where relevant."""

from typing import Any

from django import template

from sciatica_coach.education.pages import pages_related

register = template.Library()


@register.inclusion_tag("education/related.html")
def related_reading(plan: dict[str, Any] | None, profile: dict[str, Any] | None) -> dict[str, Any]:
    conditions = {d["condition"] for d in (profile or {}).get("diagnoses", [])}
    exercises = {
        item["exercise"]
        for session in ((plan or {}).get("sessions") or [])
        for item in session["items"]
    }
    return {"pages": pages_related(conditions=conditions, exercises=exercises)}
