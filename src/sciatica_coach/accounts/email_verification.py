"""Proving an e-mail address before anything but a password reset is sent to it.

The link carries a signed, time-limited token naming the account and the address; opening it
records the address as verified. A token for an address the account no longer has is refused.
"""

from typing import Any, Final

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core import signing
from django.db.models import Exists, OuterRef

from sciatica_coach.accounts.models import VerifiedEmail

SALT: Final = "sciatica_coach.accounts.email-verification"
VALID_S: Final = 3 * 24 * 60 * 60


def email_verification_token(*, user: User) -> str:
    return signing.dumps({"u": user.pk, "e": user.email.lower()}, salt=SALT, compress=True)


def email_verified_from_token(*, token: str) -> User | None:
    """Record the address in the token as verified; the account, or None for a bad link."""
    try:
        data: Any = signing.loads(token, salt=SALT, max_age=VALID_S)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or user.email.lower() != data.get("e"):
        return None
    email_verified_record(user=user)
    return user


def email_verified_record(*, user: User) -> None:
    VerifiedEmail.objects.update_or_create(user=user, defaults={"email": user.email.lower()})


def email_is_verified(*, user: User) -> bool:
    return VerifiedEmail.objects.filter(user=user, email__iexact=user.email).exists()


def verified_email_condition(user_field: str = "user") -> Exists:
    """A filter for querysets of another app's rows: their ``user_field``'s current address is
    the verified one (for the reminders' selector)."""
    return Exists(
        VerifiedEmail.objects.filter(
            user=OuterRef(user_field), email__iexact=OuterRef(f"{user_field}__email")
        )
    )
