"""Writes a clinician makes to a person's program (the clinic app calls these; it never touches
the program's rows itself). Each one stores the changed profile and asks the engine again:
triage, and a plan that keeps where each line of the current plan stands (``engine.replan``).
The new plan records who made the change and what it was, which the person sees on Today.
"""

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from sciatica_coach import engine
from sciatica_coach.program import selectors
from sciatica_coach.program.models import Plan, Profile
from sciatica_coach.program.services import NoProfile, clearances_kept, plan_generate
from sciatica_coach.program.summary import refreshes_summary, summary_mark_seen


def clinical_preview(*, user: User, data: dict[str, Any]) -> dict[str, Any]:
    """The plan the engine would make from ``data`` now, saving nothing: a clinician's change is
    checked before it is kept (a contraindicated item is refused with the engine's reasons)."""
    profile = selectors.profile_with_plan(user=user)
    if profile is None:
        raise NoProfile
    plan = profile.plan
    if plan is not None and plan.is_program and profile.started_on is not None:
        return engine.replan(data, plan.answer)
    return engine.plan(data)


@refreshes_summary
@transaction.atomic
def clinical_change(
    *,
    user: User,
    data: dict[str, Any],
    by: str,
    note: str,
    answer: dict[str, Any] | None = None,
) -> Plan:
    """Store a profile a clinician changed and the plan the engine makes from it.

    ``by``: the clinician as the person reads it ("Carol Hughes, Riverside Physio"); ``note``:
    what was done, in words; ``answer``: the preview just checked, when the caller has it.
    """
    profile = Profile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        raise NoProfile
    triage = engine.triage(data)  # refuses a bad profile before anything is saved
    answer = answer or clinical_preview(user=user, data=data)
    profile.data = data
    profile.triage = triage
    profile.clearances = clearances_kept(
        profile.clearances,
        data.get("cleared_red_flags", []),
        by=by,
        on=timezone.localdate(),
    )
    profile.save(update_fields=["data", "triage", "clearances", "updated_at"])
    return plan_generate(
        user=user,
        profile=profile,
        source=Plan.Source.CLINICIAN,
        answer=answer,
        changed_by=by,
        change_note=note,
    )


@refreshes_summary
@transaction.atomic
def clinical_review_seen(*, user: User, ref: str, by: str, note: str) -> Plan | None:
    """A clinician looked at what the engine recommended (``ref``, from the summary) and says
    so: the engine runs again on the same profile, and the person sees who looked and the note.
    ``None`` when ``ref`` is no longer the latest recommendation (something newer came in)."""
    profile = selectors.profile_get(user=user)
    if profile is None:
        raise NoProfile
    if not summary_mark_seen(user=user, ref=ref):
        return None
    return clinical_change(user=user, data=profile.data, by=by, note=note)
