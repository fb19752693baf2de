"""Failed logins (kept only as long as the lockout needs them) and the server-side sessions."""

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models


class FailedLogin(models.Model):
    """One wrong password, for the lockout and for the person's own export.

    ``user`` is set when the username belongs to an account, so the export and the deletion find
    the rows like every other record of the person's; ``address`` makes the lockout per account
    and address, so that someone elsewhere typing wrong passwords cannot lock the owner out.
    """

    username = models.CharField(max_length=150, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    address = models.CharField(max_length=45, blank=True, default="")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"failed login for {self.username} at {self.at:%Y-%m-%d %H:%M}"


class AccountSession(AbstractBaseSession):
    """Django's session row plus the account it is signed in as, indexed.

    The index is what lets logout, a password change, deletion and "sign out of all devices" end
    every session of one person without decoding every row. Named ``account`` rather than
    ``user`` on purpose: the export takes every model with a ``user`` key, and a session key in
    an export file would be a live credential.
    """

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta(AbstractBaseSession.Meta):
        db_table = "accounts_session"

    @classmethod
    def get_session_store_class(cls) -> type:
        from sciatica_coach.accounts.session_store import SessionStore

        return SessionStore


class VerifiedEmail(models.Model):
    """The address the person proved they read, by opening a link sent to it. Reminders go only
    to an account's address when it is the one verified here (a changed address is not)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    email = models.EmailField()
    verified_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"verified address of user {self.user_id}"
