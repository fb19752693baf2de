"""``{% related_reading plan %}``: education pages linked from the plan where they matter."""

from typing import Any

from django import template

from sciatica_coach.education.pages import pages_related
from sciatica_coach.program.models import Plan, Profile

register = template.Library()


@register.inclusion_tag("education/related.html")
def related_reading(plan: Plan) -> dict[str, Any]:
    # Called only when Today's cached page is rebuilt, i.e. once per new plan or day.
    profile = Profile.objects.filter(user_id=plan.user_id).values_list("data", flat=True).first()
    conditions = {d["condition"] for d in (profile or {}).get("diagnoses", [])}
    exercises = {
        item["exercise"]
        for session in (plan.answer.get("sessions") or [])
        for item in session["items"]
    }
    return {"pages": pages_related(conditions=conditions, exercises=exercises)}
