from django import template

from sciatica_coach.coach.table import coach_view as view_of

register = template.Library()


@register.filter
def coach_view(exercise_id: str) -> str:
    """``side`` or ``front`` where the phone stands for this exercise; empty when the camera
    coach cannot follow it."""
    return view_of(exercise_id) or ""
