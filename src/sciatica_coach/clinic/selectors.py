"""Reads. Every read of a person's records starts from an active membership of a clinic in which
the reader has the role that allows it: a person who leaves is invisible at once."""

from collections.abc import Iterator

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone

from sciatica_coach.clinic.models import (
    AuditEvent,
    Clinic,
    Invitation,
    Membership,
    Note,
    Staff,
    Template,
)

__all__ = ["Membership"]  # its type, for callers that never import the models

CLINICIAN = Staff.Role.CLINICIAN
ADMIN = Staff.Role.ADMIN


def clinics_for(*, user: User, role: str | None = None) -> list[Clinic]:
    """The clinics in which ``user`` has ``role`` (any role when ``None``)."""
    if not user.is_authenticated:
        return []
    staff = Staff.objects.filter(user=user)
    if role is not None:
        staff = staff.filter(role=role)
    return list(Clinic.objects.filter(pk__in=staff.values("clinic_id")).order_by("name"))


def roles_in(*, user: User, clinic: Clinic) -> set[str]:
    return set(Staff.objects.filter(user=user, clinic=clinic).values_list("role", flat=True))


def clinic_with_role(*, user: User, slug: str, roles: tuple[str, ...]) -> Clinic | None:
    """The clinic ``slug`` when ``user`` holds one of ``roles`` in it; one query."""
    if not user.is_authenticated:
        return None
    return Clinic.objects.filter(slug=slug, staff__user=user, staff__role__in=roles).first()


def patients_active(*, clinic: Clinic) -> QuerySet[User]:
    return User.objects.filter(
        clinic_memberships__clinic=clinic, clinic_memberships__left_at__isnull=True
    )


def memberships_active(*, clinic: Clinic) -> list[Membership]:
    return list(
        Membership.objects.filter(clinic=clinic, left_at__isnull=True)
        .select_related("user")
        .order_by("user__username")
    )


def members_named(*, clinic: Clinic) -> list[tuple[int, str, str, str]]:
    """The clinic's current patients as (id, username, first name, last name): the dashboard
    reads a thousand of them, so no model instances."""
    return list(
        Membership.objects.filter(clinic=clinic, left_at__isnull=True)
        .order_by("user__username")
        .values_list("user_id", "user__username", "user__first_name", "user__last_name")
    )


def membership_active(*, clinic: Clinic, patient_id: int) -> Membership | None:
    return (
        Membership.objects.filter(clinic=clinic, user_id=patient_id, left_at__isnull=True)
        .select_related("user")
        .first()
    )


def membership_for_clinician(*, clinician: User, patient_id: int) -> Membership | None:
    """The patient's active membership of a clinic where ``clinician`` is a clinician."""
    clinics = Staff.objects.filter(user=clinician, role=CLINICIAN).values("clinic_id")
    return (
        Membership.objects.filter(user_id=patient_id, left_at__isnull=True, clinic__in=clinics)
        .select_related("user", "clinic")
        .order_by("clinic__name")
        .first()
    )


def memberships_for_clinician(*, clinician: User) -> list[Membership]:
    clinics = Staff.objects.filter(user=clinician, role=CLINICIAN).values("clinic_id")
    return list(
        Membership.objects.filter(left_at__isnull=True, clinic__in=clinics)
        .select_related("user", "clinic")
        .order_by("user__username")
    )


def memberships_of(*, user: User) -> list[Membership]:
    """The clinics a person is in now."""
    return list(
        Membership.objects.filter(user=user, left_at__isnull=True)
        .select_related("clinic")
        .order_by("joined_at")
    )


def staff_of(*, clinics: list[Clinic]) -> list[Staff]:
    return list(
        Staff.objects.filter(clinic__in=clinics)
        .select_related("user")
        .order_by("clinic_id", "role", "user__username")
    )


def notes_for(*, clinic: Clinic, patient: User) -> list[Note]:
    return list(Note.objects.filter(clinic=clinic, patient=patient).order_by("-id")[:100])


def notes_shared_with(*, user: User, clinics: list[Clinic]) -> list[Note]:
    return list(
        Note.objects.filter(patient=user, shared=True, clinic__in=clinics)
        .select_related("clinic")
        .order_by("-id")[:100]
    )


def audit_of_person(*, user: User, limit: int = 200) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(user=user).select_related("clinic").order_by("-at", "-id")[:limit]
    )


def audit_of_clinic(*, clinic: Clinic) -> Iterator[AuditEvent]:
    return (
        AuditEvent.objects.filter(clinic=clinic)
        .select_related("user")
        .order_by("at", "id")
        .iterator(chunk_size=2000)
    )


def invitations_open(*, clinic: Clinic) -> list[Invitation]:
    return list(
        Invitation.objects.filter(
            clinic=clinic, used_at__isnull=True, revoked=False, expires_at__gt=timezone.now()
        ).order_by("-id")
    )


def invitation_usable(*, code: str) -> Invitation | None:
    return (
        Invitation.objects.filter(
            code=code.strip().upper(),
            used_at__isnull=True,
            revoked=False,
            expires_at__gt=timezone.now(),
        )
        .select_related("clinic")
        .first()
    )


def templates_of(*, clinic: Clinic) -> list[Template]:
    return list(Template.objects.filter(clinic=clinic).order_by("name"))


def template_get(*, clinic: Clinic, template_id: int) -> Template | None:
    return Template.objects.filter(clinic=clinic, pk=template_id).first()
