"""Writes about clinics themselves: staff, invitations, joining and leaving, notes. The clinical
actions on a person's program are in ``actions``. Keyword-only, each in one transaction with its
audit row."""

import datetime as dt
import secrets
from typing import Final

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from sciatica_coach.clinic import selectors
from sciatica_coach.clinic.audit import Actor, audit_record
from sciatica_coach.clinic.models import AuditEvent, Clinic, Invitation, Membership, Note, Staff

# An invitation is a key to a clinic's care: short-lived, used once, typed easily from paper
# (no 0/O or 1/I), and long enough (32^8, about 10^12) not to be guessed.
INVITATION_DAYS: Final = 14
CODE_ALPHABET: Final = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH: Final = 8


class Refused(Exception):
    """A request that cannot be done, naming the field and why (shown on the form, or as the
    API's ``{"error": {"field", "reason"}}``)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


@transaction.atomic
def clinic_create(*, name: str, admin: User | None = None) -> Clinic:
    base = slugify(name)[:50] or "clinic"
    slug, n = base, 1
    while Clinic.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    clinic = Clinic.objects.create(name=name, slug=slug)
    if admin is not None:
        Staff.objects.create(clinic=clinic, user=admin, role=Staff.Role.ADMIN)
    return clinic


@transaction.atomic
def staff_add(*, clinic: Clinic, username: str, role: str) -> Staff:
    user = User.objects.filter(username=username.strip(), is_active=True).first()
    if user is None:
        raise Refused("username", "no account has this username; ask them to sign up first")
    if role not in Staff.Role.values:
        raise Refused("role", f"{role!r} is not one of {', '.join(Staff.Role.values)}")
    staff, _ = Staff.objects.get_or_create(clinic=clinic, user=user, role=role)
    return staff


@transaction.atomic
def staff_remove(*, clinic: Clinic, staff_id: int, by: User) -> None:
    staff = Staff.objects.filter(clinic=clinic, pk=staff_id).first()
    if staff is None:
        raise Refused("staff", "not a member of this clinic's staff")
    admins = Staff.objects.filter(clinic=clinic, role=Staff.Role.ADMIN)
    if staff.role == Staff.Role.ADMIN and admins.count() == 1:
        raise Refused("staff", "a clinic keeps at least one admin")
    staff.delete()


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@transaction.atomic
def invitation_create(*, clinic: Clinic, by: User, label: str = "") -> Invitation:
    expires = timezone.now() + dt.timedelta(days=INVITATION_DAYS)
    for _ in range(5):
        try:
            with transaction.atomic():
                return Invitation.objects.create(
                    clinic=clinic,
                    code=_new_code(),
                    label=label[:120],
                    created_by=by,
                    expires_at=expires,
                )
        except IntegrityError:  # the same code twice: vanishingly rare, try another
            continue
    raise RuntimeError("could not make an unused invitation code")


@transaction.atomic
def invitation_revoke(*, clinic: Clinic, invitation_id: int) -> None:
    Invitation.objects.filter(clinic=clinic, pk=invitation_id, used_at__isnull=True).update(
        revoked=True
    )


@transaction.atomic
def invitation_accept(*, code: str, user: User, actor: Actor) -> Membership:
    """The person joins the clinic; the invitation is used up."""
    invitation = selectors.invitation_usable(code=code)
    if invitation is None:
        raise Refused("code", "this code is not valid: it may be mistyped, used or expired")
    if Staff.objects.filter(clinic=invitation.clinic, user=user).exists():
        raise Refused("code", "you work in this clinic; a patient account joins it")
    existing = selectors.membership_active(clinic=invitation.clinic, patient_id=user.pk)
    now = timezone.now()
    membership = existing or Membership.objects.create(clinic=invitation.clinic, user=user)
    Invitation.objects.filter(pk=invitation.pk).update(used_by=user, used_at=now)
    audit_record(
        actor=actor,
        clinic=invitation.clinic,
        patients=[user],
        action=AuditEvent.Action.JOIN,
        what="membership",
        detail=f"joined {invitation.clinic.name} with an invitation",
    )
    return membership


@transaction.atomic
def membership_leave(*, user: User, clinic_id: int, actor: Actor) -> None:
    """The person leaves: from this moment no one in the clinic sees their records."""
    membership = (
        Membership.objects.select_for_update()
        .filter(user=user, clinic_id=clinic_id, left_at__isnull=True)
        .select_related("clinic")
        .first()
    )
    if membership is None:
        raise Refused("clinic", "you are not in this clinic")
    membership.left_at = timezone.now()
    membership.save(update_fields=["left_at"])
    audit_record(
        actor=actor,
        clinic=membership.clinic,
        patients=[user],
        action=AuditEvent.Action.LEAVE,
        what="membership",
        detail=f"left {membership.clinic.name}; the clinic's access ended",
    )


NOTE_MAX: Final = 4000


@transaction.atomic
def note_add(*, clinic: Clinic, patient: User, actor: Actor, text: str, shared: bool) -> Note:
    text = text.strip()
    if not text:
        raise Refused("text", "write the note first")
    if len(text) > NOTE_MAX:
        raise Refused("text", f"a note holds at most {NOTE_MAX} characters")
    note = Note.objects.create(
        clinic=clinic,
        patient=patient,
        author=actor.user,
        author_name=actor.name,
        text=text,
        shared=shared,
    )
    audit_record(
        actor=actor,
        clinic=clinic,
        patients=[patient],
        action=AuditEvent.Action.WRITE,
        what="note",
        detail="shared note" if shared else "private note",
    )
    return note
