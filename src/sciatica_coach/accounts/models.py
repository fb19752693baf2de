"""Failed logins, kept only as long as the lockout window needs them."""

from django.db import models


class FailedLogin(models.Model):
    username = models.CharField(max_length=150, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"failed login for {self.username} at {self.at:%Y-%m-%d %H:%M}"
