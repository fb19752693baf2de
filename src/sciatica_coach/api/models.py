"""Personal API tokens: storage only. Only a token's hash is kept; the token is shown once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        READ = "read", _("read: see my data")
        WRITE = "write", _("write: see and change my data")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=80)
    # The first characters, shown so a person can tell their tokens apart; not enough to use one.
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(max_length=8, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    # Exported with the person's data, but not the hash: it is a credential, not their data.
    NOT_EXPORTED = ("key_hash",)

    class Meta:
        indexes = [models.Index(fields=["user", "-created_at"], name="token_user_newest")]

    def __str__(self) -> str:
        return f"token {self.prefix}… of user {self.user_id}"
