"""Storage for a person's program. The engine makes every decision; these rows only keep them."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Plan(models.Model):
    """One plan answer from the engine. Plans are never changed or deleted; the newest is used."""

    class Source(models.TextChoices):
        INTAKE = "intake", _("intake")
        PROFILE = "profile", _("profile change")
        ASSESSMENT = "assessment", _("self-assessment")
        SESSION = "session", _("warning sign during a session")
        REVIEW = "review", _("weekly review")
        MOVEMENT_TEST = "movement_test", _("movement test")
        REVISION = "revision", _("program update")
        CLINICIAN = "clinician", _("your clinician")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    engine_version = models.CharField(max_length=32)
    source = models.CharField(max_length=16, choices=Source.choices)
    answer = models.JSONField()
    # A plan made by a clinician's change: who (name and clinic, as the person reads it) and what.
    changed_by = models.CharField(max_length=200, blank=True, default="")
    change_note = models.TextField(blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["user", "-id"], name="plan_user_newest")]

    def __str__(self) -> str:
        return f"plan {self.pk} of user {self.user_id} ({self.created_on})"

    @property
    def is_program(self) -> bool:
        return self.answer.get("sessions") is not None


class Profile(models.Model):
    """The person's engine profile (contract JSON) and the triage it last produced."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    data = models.JSONField(_("profile"))
    triage = models.JSONField(_("triage"))
    # Set the first time the engine allows the program; the weekly review measures from here.
    started_on = models.DateField(null=True, blank=True)
    baseline_leg = models.PositiveSmallIntegerField(null=True, blank=True)
    baseline_back = models.PositiveSmallIntegerField(null=True, blank=True)
    # The newest plan and the last review date, kept here so Today needs one query for both.
    plan = models.ForeignKey(
        "Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_on = models.DateField(null=True, blank=True)
    # Who said each cleared warning sign was checked, and when: [{"flag", "by", "on"}]. The
    # engine reads only ``data["cleared_red_flags"]``; this is what the pages show beside it.
    clearances = models.JSONField(default=list, blank=True)
    # The day the pregnancy week or the weeks since a birth in ``data`` were true: a week later
    # they are a week more (services.profile_aged), so the position rules follow the pregnancy.
    weeks_counted_on = models.DateField(null=True, blank=True)
    # Bumped by every save: the one rule for when a stored copy of a page built from this
    # profile (Today) is stale. Services change a person's program only by saving the profile
    # (a new plan is a save too), so nothing can change behind the stamp's back.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"profile of user {self.user_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding:
            self.version = 1
            super().save(*args, **kwargs)
            return
        # An expression, so two saves at once give two versions, never the same one twice.
        self.version = models.F("version") + 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)
        self.refresh_from_db(fields=["version"])


class SessionLog(models.Model):
    """One guided session, saved step by step so a closed page still leaves a log."""

    class Ending(models.TextChoices):
        OPEN = "", _("in progress")
        FINISHED = "finished", _("finished")
        SPREADING = "spreading", _("stopped: symptoms spread")
        RED_FLAG = "red_flag", _("stopped: warning sign")
        MISSED = "missed", _("missed")
        # Pain scores another app sent (FHIR import): a record of pain, not a session started,
        # so it never takes a slot on Today.
        IMPORTED = "imported", _("pain scores from another app")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT)
    date = models.DateField()
    slot = models.CharField(max_length=16)
    done = models.BooleanField(default=False)
    step = models.PositiveSmallIntegerField(default=0)
    ending = models.CharField(max_length=16, choices=Ending.choices, default="", blank=True)
    pain_before_leg = models.PositiveSmallIntegerField(null=True)
    pain_before_back = models.PositiveSmallIntegerField(null=True)
    pain_after_leg = models.PositiveSmallIntegerField(null=True)
    pain_after_back = models.PositiveSmallIntegerField(null=True)
    extent_before = models.CharField(max_length=16, blank=True)
    extent_after = models.CharField(max_length=16, blank=True)
    exercises_done = models.JSONField(default=list)
    new_red_flags = models.JSONField(default=list)
    # Judged by a review already (the one asked for at once when it spread the symptoms): the
    # next review counts it for adherence and pain but does not judge its spreading again.
    reviewed = models.BooleanField(default=False)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["user", "date"], name="log_user_date")]

    def __str__(self) -> str:
        return f"{self.slot} session of user {self.user_id} on {self.date}"

    def to_engine(self) -> dict[str, Any]:
        """The contract's session log shape, for ``engine.review``."""

        def pain(leg: int | None, back: int | None) -> dict[str, int] | None:
            return None if leg is None or back is None else {"leg": leg, "back": back}

        return {
            "date": self.date.isoformat(),
            "slot": self.slot,
            "done": self.done,
            "pain_before": pain(self.pain_before_leg, self.pain_before_back),
            "pain_after": pain(self.pain_after_leg, self.pain_after_back),
            "extent_before": self.extent_before or None,
            "extent_after": self.extent_after or None,
            "exercises_done": list(self.exercises_done),
            "new_red_flags": list(self.new_red_flags),
            "reviewed": self.reviewed,
        }


class Review(models.Model):
    """A weekly review answer, and the plan it produced (none when it said stop)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.JSONField()
    plan = models.ForeignKey(Plan, null=True, on_delete=models.SET_NULL)

    class Meta:
        indexes = [models.Index(fields=["user", "-date"], name="review_user_newest")]

    def __str__(self) -> str:
        return f"review of user {self.user_id} on {self.date}"


class MovementTestResult(models.Model):
    """One direction of the movement test, done on one day (contract: Movement test)."""

    class Direction(models.TextChoices):
        EXTENSION = "extension", _("bending backwards")
        FLEXION = "flexion", _("bending forward")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    date = models.DateField()
    direction = models.CharField(max_length=16, choices=Direction.choices)
    extent_before = models.CharField(max_length=16)
    extent_after = models.CharField(max_length=16)
    leg_pain_before = models.PositiveSmallIntegerField()
    leg_pain_after = models.PositiveSmallIntegerField()
    # The step at which the symptoms spread and the person stopped (1 = the first), if any.
    stopped_at_step = models.PositiveSmallIntegerField(null=True, blank=True)
    # What the engine concluded from this result and the other direction's, as it said it.
    answer = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-date"], name="movement_user_newest")]

    def __str__(self) -> str:
        return f"{self.direction} movement test of user {self.user_id} on {self.date}"

    def to_engine(self) -> dict[str, Any]:
        return {
            "direction": self.direction,
            "extent_before": self.extent_before,
            "extent_after": self.extent_after,
            "leg_pain_before": self.leg_pain_before,
            "leg_pain_after": self.leg_pain_after,
            "stopped_at_step": self.stopped_at_step,
        }


class Summary(models.Model):
    """One row per person, what a clinic's dashboard shows of them, kept by the program's own
    write services (``program.summary``): a dashboard of a thousand people reads a thousand
    rows, never their logs. Everything that depends on today's date (adherence this week, days
    since the last session) is worked out when read, from ``days``, so the row is stale only
    when something was written: the one rule, kept by ``summary.refreshes_summary``."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True
    )
    has_program = models.BooleanField(default=False)
    urgency = models.CharField(max_length=16, blank=True, default="")
    phase = models.CharField(max_length=16, blank=True, default="")
    preference = models.CharField(max_length=16, blank=True, default="")
    sessions_per_day = models.PositiveSmallIntegerField(default=2)
    started_on = models.DateField(null=True, blank=True)
    last_activity = models.DateField(null=True, blank=True)
    # {"YYYY-MM-DD": [sessions done, mean leg pain before or null, furthest extent rank or null]}
    days = models.JSONField(default=dict)
    # Sessions done per day as digits, oldest first, the last one ``done_until``: adherence for
    # a thousand rows is read from these without decoding ``days``.
    done_days = models.CharField(max_length=64, blank=True, default="")
    done_until = models.DateField(null=True, blank=True)
    red_flags = models.JSONField(default=list)  # active flag ids, most urgent first
    # The latest pain scored before a session: {"leg", "back", "date"}, or null.
    latest_pain = models.JSONField(null=True, blank=True)
    baseline_pain = models.JSONField(null=True, blank=True)  # {"leg", "back"} at the start
    # The engine's clinician_review_recommended: a reference to what said it, and its reasons.
    review_ref = models.CharField(max_length=64, blank=True, default="")
    review_reasons = models.JSONField(default=list)  # [{"id", "text"}]
    review_seen = models.JSONField(default=list)  # refs a clinician marked as seen
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"summary of user {self.user_id}"
