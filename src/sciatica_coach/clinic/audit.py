"""The audit log: one row for every read or write of a person's records by someone else.

Written in the same transaction as the write it records, and before a read's page is sent, so
that nothing is shown or changed without its row. Our own small model (``AuditEvent``) rather
than django-auditlog: that library (3.4.1, the newest) declares Django up to 5.2, not 6.0, and
it logs changes to model rows through signals, whereas what a clinic must answer is "who looked
at this person's records, and what did they change": one row per person per request, naming the
person, the page or action, the clinic and the address, readable by the person and exportable
by the clinic (docs/clinic.md).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.http import HttpRequest

from sciatica_coach.clinic.models import AuditEvent, Clinic

READ = AuditEvent.Action.READ
WRITE = AuditEvent.Action.WRITE
EXPORT = AuditEvent.Action.EXPORT


@dataclass(frozen=True)
class Actor:
    """Who is reading or writing, and from where."""

    user: User
    address: str | None
    via: str  # "web" or "api"

    @property
    def name(self) -> str:
        return display_name(self.user)


def display_name(user: User) -> str:
    return user.get_full_name() or user.username


def actor_of(request: HttpRequest, user: User, *, via: str = "web") -> Actor:
    # REMOTE_ADDR: behind a proxy, the proxy's job is to set it (gunicorn's forwarded-allow-ips);
    # a header any client can send is never trusted for an audit trail.
    address = request.META.get("REMOTE_ADDR") or None
    return Actor(user=user, address=address, via=via)


def audit_record(
    *,
    actor: Actor,
    clinic: Clinic | None,
    patients: Iterable[User | int],
    action: str,
    what: str,
    detail: str = "",
) -> None:
    """One row per person, written in one query."""
    AuditEvent.objects.bulk_create(
        AuditEvent(
            clinic=clinic,
            user_id=patient if isinstance(patient, int) else patient.pk,
            actor=actor.user,
            actor_name=actor.name,
            action=action,
            what=what,
            detail=detail[:2000],
            address=actor.address,
            via=actor.via,
        )
        for patient in patients
    )
