"""``{% related_reading plan %}``: education pages linked from the plan where they matter."""

from typing import Any

from django import template

from sciatica_coach.education.pages import pages_related
from sciatica_coach.program.models import Plan

register = template.Library()


@register.inclusion_tag("education/related.html")
def related_reading(plan: Plan, profile: dict[str, Any]) -> dict[str, Any]:
    conditions = {d["condition"] for d in profile.get("diagnoses", [])}
    exercises = {
        item["exercise"]
        for session in (plan.answer.get("sessions") or [])
        for item in session["items"]
    }
    return {"pages": pages_related(conditions=conditions, exercises=exercises)}
