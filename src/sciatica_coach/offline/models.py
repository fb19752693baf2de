from django.conf import settings
from django.db import models


class OfflineSession(models.Model):
    """A session done without a connection, keyed by the id the phone gave it.

    The phone may send the same session more than once (a retry after a dropped answer, two tabs
    coming back online together); the unique key makes the second arrival a no-op, so each
    offline session is stored exactly once.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    client_id = models.UUIDField()
    # By name, not by import: no app imports another's models (tests/unit/test_app_boundaries.py).
    log = models.OneToOneField("program.SessionLog", null=True, on_delete=models.CASCADE)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "client_id"], name="offline_once_per_client_id")
        ]

    def __str__(self) -> str:
        return f"offline session {self.client_id} of user {self.user_id}"
