"""Reads for the relief toolkit, each scoped to one person; another's entry is a 404."""

from django.contrib.auth.models import User
from django.http import Http404

from sciatica_coach.relief.models import HeatColdUse, MassageEntry, MedicationEntry, ReliefSettings

RECENT = 20


def relief_settings_get(*, user: User) -> ReliefSettings | None:
    return ReliefSettings.objects.filter(user=user).first()


def surgery_ruled_out(*, user: User) -> bool:
    found = relief_settings_get(user=user)
    return found is not None and found.surgery_ruled_out == ReliefSettings.SurgeryRuledOut.YES


def heat_cold_recent(*, user: User, limit: int = RECENT) -> list[HeatColdUse]:
    return list(HeatColdUse.objects.filter(user=user).order_by("-started_at", "-id")[:limit])


def medication_list(*, user: User, limit: int = 100) -> list[MedicationEntry]:
    return list(MedicationEntry.objects.filter(user=user).order_by("-taken_at", "-id")[:limit])


def medication_get(*, user: User, entry_id: int) -> MedicationEntry:
    found = MedicationEntry.objects.filter(user=user, pk=entry_id).first()
    if found is None:
        raise Http404
    return found


def massage_list(*, user: User, limit: int = 100) -> list[MassageEntry]:
    return list(MassageEntry.objects.filter(user=user).order_by("-date", "-id")[:limit])


def massage_get(*, user: User, entry_id: int) -> MassageEntry:
    found = MassageEntry.objects.filter(user=user, pk=entry_id).first()
    if found is None:
        raise Http404
    return found
