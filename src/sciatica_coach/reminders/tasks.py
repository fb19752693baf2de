"""Background tasks (Django's ``django.tasks``). The backend is set in ``TASKS`` (see settings).

The e-mail is plain text and short. Its subject names no condition and no health detail: it may
show on a lock screen or in a shared inbox.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SUBJECTS = {
    "morning": gettext_lazy("Your morning reminder"),
    "evening": gettext_lazy("Your evening reminder"),
}


@task
def reminder_email_send(*, user_id: int, day: str, slot: str) -> int:
    """Send one reminder; returns how many e-mails went out (0 if the person is gone)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return 0
    site = settings.SITE_URL.rstrip("/")
    body = render_to_string(
        "reminders/reminder_email.txt",
        {
            "name": user.get_short_name() or user.get_username(),
            "slot": slot,
            "today_url": site + reverse("today"),
            "settings_url": site + reverse("reminder_settings"),
        },
    )
    subject = str(SUBJECTS.get(slot) or _("Your reminder"))
    return send_mail(subject, body, None, [user.email])
