from django.conf import settings
from django.db import models


class PlanPdf(models.Model):
    """The printable copy of one plan, as printed on one day in one language.

    A plan never changes once made, so its PDF is stale only when the day it prints, or the
    language, changes: those three are the key, and nothing else makes a stored copy stale.
    The row is made when the PDF is first asked for (``pdf`` empty) and filled by the worker,
    so the row is also the claim that one drawing is under way: a person pressing the button
    again waits for that one instead of starting another.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # A string reference: reports reads plans through program's selectors, never its models.
    plan = models.ForeignKey("program.Plan", on_delete=models.CASCADE)
    day = models.DateField()
    language = models.CharField(max_length=16)
    asked_at = models.DateTimeField()
    pdf = models.BinaryField(null=True)
    failed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "day", "language"], name="plan_pdf_once_per_plan_day_language"
            )
        ]

    def __str__(self) -> str:
        return f"PDF of plan {self.plan_id} for {self.day} ({self.language})"
