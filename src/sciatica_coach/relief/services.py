"""Writes for the relief toolkit. Nothing here gives advice: it keeps what the person tells us."""

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from sciatica_coach.relief import selectors
from sciatica_coach.relief.models import HeatColdUse, MassageEntry, MedicationEntry, ReliefSettings
from sciatica_coach.relief.rules import HEAT_COLD_LIMIT_MINUTES


class OverLimit(ValueError):
    """A heat or cold use longer than the safe limit."""


class SurgeryNotRuledOut(Exception):
    """Massage is logged only once a doctor has ruled out anything needing surgery."""


@transaction.atomic
def relief_settings_update(*, user: User, surgery_ruled_out: str) -> ReliefSettings:
    found, _ = ReliefSettings.objects.update_or_create(
        user=user, defaults={"surgery_ruled_out": surgery_ruled_out}
    )
    return found


@transaction.atomic
def heat_cold_log(
    *,
    user: User,
    kind: str,
    minutes: int,
    relief: int | None = None,
    ended_at: dt.datetime | None = None,
) -> HeatColdUse:
    """Log one use that ended now (or at ``ended_at``); its start is worked out from the length."""
    if minutes > HEAT_COLD_LIMIT_MINUTES:
        raise OverLimit(minutes)
    ended_at = ended_at or timezone.now()
    return HeatColdUse.objects.create(
        user=user,
        kind=kind,
        minutes=minutes,
        relief=relief,
        started_at=ended_at - dt.timedelta(minutes=minutes),
    )


@transaction.atomic
def medication_log(
    *,
    user: User,
    name: str,
    taken_at: dt.datetime,
    as_prescribed: bool,
    note: str = "",
) -> MedicationEntry:
    return MedicationEntry.objects.create(
        user=user, name=name.strip(), taken_at=taken_at, as_prescribed=as_prescribed, note=note
    )


@transaction.atomic
def medication_delete(*, user: User, entry_id: int) -> None:
    selectors.medication_get(user=user, entry_id=entry_id).delete()


@transaction.atomic
def massage_log(
    *, user: User, given_by: str, date: dt.date, minutes: int, relief: int
) -> MassageEntry:
    if not selectors.surgery_ruled_out(user=user):
        raise SurgeryNotRuledOut
    return MassageEntry.objects.create(
        user=user, given_by=given_by.strip(), date=date, minutes=minutes, relief=relief
    )


@transaction.atomic
def massage_delete(*, user: User, entry_id: int) -> None:
    selectors.massage_get(user=user, entry_id=entry_id).delete()
