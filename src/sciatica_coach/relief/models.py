"""Storage for the relief toolkit. Every row belongs to one person and goes when they do."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReliefSettings(models.Model):
    """What the person told us once and the toolkit keeps asking about otherwise."""

    class SurgeryRuledOut(models.TextChoices):
        YES = "yes", _("Yes, a doctor has ruled it out")
        NO = "no", _("No")
        NOT_SURE = "not_sure", _("I am not sure")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # Asked before the massage log: massage is only an option once surgery is off the table.
    surgery_ruled_out = models.CharField(
        _("surgery ruled out"), max_length=16, choices=SurgeryRuledOut.choices, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"relief settings of user {self.user_id}"


class HeatColdUse(models.Model):
    class Kind(models.TextChoices):
        HEAT = "heat", _("Heat")
        COLD = "cold", _("Cold")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(_("heat or cold"), max_length=8, choices=Kind.choices)
    started_at = models.DateTimeField(_("started"))
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    relief = models.PositiveSmallIntegerField(_("relief felt"), null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-started_at"], name="heatcold_user_newest")]

    def __str__(self) -> str:
        return f"{self.kind} for {self.minutes} min, user {self.user_id}"


class MedicationEntry(models.Model):
    """A medicine taken, as written on its label. Never a dose suggestion: only what was taken."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(_("medicine"), max_length=200)
    taken_at = models.DateTimeField(_("taken at"))
    as_prescribed = models.BooleanField(_("taken as prescribed"))
    note = models.TextField(_("note"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-taken_at"], name="medication_user_newest")]

    def __str__(self) -> str:
        return f"medicine entry {self.pk} of user {self.user_id}"


class MassageEntry(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    given_by = models.CharField(_("therapist or who"), max_length=120)
    date = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(_("length in minutes"))
    relief = models.PositiveSmallIntegerField(_("relief felt"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-date"], name="massage_user_newest")]

    def __str__(self) -> str:
        return f"massage entry {self.pk} of user {self.user_id}"
