from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Response(models.Model):
    """One completed questionnaire: the answers as given and the engine's score of them."""

    class Instrument(models.TextChoices):
        PEG = "peg", _("Pain, enjoyment and activity (PEG)")
        PGIC = "pgic", _("Overall change (PGIC)")
        RMDQ = "rmdq", _("Roland-Morris disability (RMDQ)")
        ODI = "odi", _("Oswestry disability index (ODI)")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    instrument = models.CharField(max_length=8, choices=Instrument.choices)
    date = models.DateField()
    answers = models.JSONField()
    result = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["user", "instrument", "date"], name="response_user_instr")]

    def __str__(self) -> str:
        return f"{self.instrument} of user {self.user_id} on {self.date}"

    @property
    def score(self) -> float:
        return float(self.result["score"])
