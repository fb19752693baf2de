"""``{% exercise_picture exercise_id "still" %}``: an exercise's moving picture as an image."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from sciatica_coach.web.pictures import picture_size, text_alternative

register = template.Library()


@register.simple_tag
def exercise_picture(
    exercise_id: str, mode: str = "animated", css_class: str = "picture"
) -> SafeString:
    width, height = picture_size(exercise_id, mode)
    return format_html(
        '<img class="{}" src="{}" width="{}" height="{}" alt="{}" loading="lazy" decoding="async">',
        css_class,
        reverse("exercise_picture", args=[exercise_id, mode]),
        width,
        height,
        text_alternative(exercise_id),
    )
