"""Reminder settings per person, and a record of every e-mail reminder sent (never twice)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_MORNING = dt.time(8, 0)
DEFAULT_EVENING = dt.time(19, 0)


class ReminderSettings(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    morning_at = models.TimeField(_("morning session"), default=DEFAULT_MORNING)
    evening_at = models.TimeField(_("evening session"), default=DEFAULT_EVENING)
    email_on = models.BooleanField(_("e-mail reminders"), default=False)
    # The calendar link's secret: 43 random URL-safe characters (256 bits) or empty for none.
    # Kept in the clear so the settings page can show the link again; a new one replaces it,
    # which is how a leaked link is revoked.
    feed_token = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["feed_token"],
                condition=~models.Q(feed_token=""),
                name="reminders_feed_token_unique",
            )
        ]

    def __str__(self) -> str:
        return f"reminder settings of user {self.user_id}"

    @property
    def times(self) -> dict[str, dt.time]:
        return {"morning": self.morning_at, "evening": self.evening_at}


class ReminderSent(models.Model):
    """One e-mail reminder, keyed by the person's local date and slot."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField()
    slot = models.CharField(max_length=16)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day", "slot"], name="reminder_sent_once")
        ]

    def __str__(self) -> str:
        return f"{self.slot} reminder of user {self.user_id} on {self.day}"
