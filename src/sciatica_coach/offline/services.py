"""Offline sessions arrive here when the phone is back online, and become ordinary session logs
through the program's own services: the same safety handling (a warning sign re-runs triage;
spreading symptoms end the session) as a session done online."""

import datetime as dt

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from sciatica_coach.offline.models import OfflineSession
from sciatica_coach.offline.payload import OfflineEntry
from sciatica_coach.program import selectors
from sciatica_coach.program import services as program
from sciatica_coach.program.models import Plan, SessionLog


class FutureSession(ValueError):
    """An offline session dated after today: the phone's clock is wrong."""


class UnknownSlot(ValueError):
    """The plan the session was done from has no session in this slot."""


class NotYourPlan(ValueError):
    """An offline session done from a plan of another account: queued on a shared phone by
    someone who has since signed out. It is never stored as the signed-in person's."""


def offline_session_sync(
    *, user: User, entry: OfflineEntry, today: dt.date
) -> tuple[SessionLog, bool]:
    """Store one offline session; ``(log, False)`` when this client id was stored before."""
    if entry.date > today:
        raise FutureSession(str(entry.date))
    plan = Plan.objects.filter(user=user, pk=entry.plan_id).first()
    if plan is None:
        raise NotYourPlan(str(entry.plan_id))
    if plan.is_program and not any(s["slot"] == entry.slot for s in plan.answer["sessions"]):
        raise UnknownSlot(entry.slot)
    try:
        with transaction.atomic():
            claim = OfflineSession.objects.create(user=user, client_id=entry.client_id)
            log = _store(user=user, entry=entry)
            claim.log = log
            claim.save(update_fields=["log"])
            return log, True
    except IntegrityError:
        existing = OfflineSession.objects.select_related("log").get(
            user=user, client_id=entry.client_id
        )
        if existing.log is None:  # the claim and its log commit together; never expected
            raise
        return existing.log, False


def _store(*, user: User, entry: OfflineEntry) -> SessionLog:
    before = entry.before
    log = program.session_start(
        user=user,
        slot=entry.slot,
        pain_leg=before.pain_leg,
        pain_back=before.pain_back,
        extent=before.extent,
        red_flags=list(before.red_flags),
    )
    # The session happened when the phone says it did, from the plan it had then (checked to be
    # this person's before anything was stored).
    plan = Plan.objects.get(user=user, pk=entry.plan_id)
    log.date, log.plan = entry.date, plan
    log.save(update_fields=["date", "plan"])
    if log.new_red_flags:
        return log
    program.session_progress(
        user=user, log_id=log.pk, step=entry.step, exercises_done=list(entry.exercises_done)
    )
    if entry.after is not None:
        after = entry.after
        program.session_log(
            user=user,
            log_id=log.pk,
            pain_leg=after.pain_leg,
            pain_back=after.pain_back,
            extent=after.extent,
            red_flags=list(after.red_flags),
            spreading=entry.spreading,
        )
    return selectors.session_log_get(user=user, log_id=log.pk)
