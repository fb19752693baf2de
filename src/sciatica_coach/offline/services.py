"""Offline sessions arrive here when the phone is back online, and become ordinary session logs
through the program's own service for a session played whole: the same safety handling (a
warning sign re-runs triage; spreading symptoms end the session) as a session done online."""

import datetime as dt

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from sciatica_coach.offline.models import OfflineSession
from sciatica_coach.offline.payload import OfflineEntry
from sciatica_coach.program import selectors
from sciatica_coach.program import services as program


class FutureSession(ValueError):
    """An offline session dated after today: the phone's clock is wrong."""


class UnknownSlot(ValueError):
    """The plan the session was done from has no session in this slot."""


class NotYourPlan(ValueError):
    """An offline session done from a plan of another account: queued on a shared phone by
    someone who has since signed out. It is never stored as the signed-in person's."""


def offline_session_sync(*, user: User, entry: OfflineEntry, today: dt.date) -> tuple[int, bool]:
    """Store one offline session: ``(log id, True)``, or ``(log id, False)`` when this client
    id was stored before."""
    if entry.date > today:
        raise FutureSession(str(entry.date))
    plan = selectors.plan_of(user=user, plan_id=entry.plan_id)
    if plan is None:
        raise NotYourPlan(str(entry.plan_id))
    if plan.is_program and not any(s["slot"] == entry.slot for s in plan.answer["sessions"]):
        raise UnknownSlot(entry.slot)
    try:
        with transaction.atomic():
            claim = OfflineSession.objects.create(user=user, client_id=entry.client_id)
            # The session happened when the phone says it did, from the plan it had then.
            log = program.session_record_played(
                user=user,
                plan=plan,
                date=entry.date,
                slot=entry.slot,
                before=entry.before,
                after=entry.after,
                step=entry.step,
                exercises_done=list(entry.exercises_done),
                spreading=entry.spreading,
                today=today,
            )
            claim.log_id = log.pk
            claim.save(update_fields=["log"])
            return log.pk, True
    except IntegrityError:
        existing = OfflineSession.objects.filter(user=user, client_id=entry.client_id)
        log_id = existing.values_list("log_id", flat=True).first()
        if log_id is None:  # the claim and its log commit together; never expected
            raise
        return log_id, False
