"""Send the e-mail reminders that are due now. Run it every few minutes (cron, systemd timer)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from sciatica_coach.reminders import services


class Command(BaseCommand):
    help = "Enqueue the e-mail reminders that are due now; each is sent at most once."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = services.reminders_send_due(now=timezone.now())
        if options["verbosity"] >= 1:
            self.stdout.write(f"{len(sent)} reminder(s) enqueued")
