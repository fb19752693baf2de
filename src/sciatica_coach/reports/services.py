"""Asking for the plan PDF: a stored copy when there is one, otherwise one drawing queued."""

import dataclasses
import datetime as dt
from typing import Final

from django.db import IntegrityError, transaction

from sciatica_coach.reports.models import PlanPdf
from sciatica_coach.reports.tasks import plan_pdf_draw

# A drawing not finished after this long is taken to be lost (a worker stopped mid-way, or none
# running for a while) and is queued again; drawing one takes well under a second.
REDRAW_AFTER: Final = dt.timedelta(minutes=2)


@dataclasses.dataclass(frozen=True)
class PdfState:
    pdf: bytes | None  # the PDF, once drawn
    failed: bool  # it cannot be drawn on this server (WeasyPrint or Pango missing)


def plan_pdf_ask(
    *, user_id: int, plan_id: int, day: dt.date, language: str, now: dt.datetime
) -> PdfState:
    """The printed plan, or the news that it is on its way: asking twice never queues two.

    ``plan_id`` must be this person's (the caller read it through program's selectors)."""
    row = PlanPdf.objects.filter(
        user_id=user_id, plan_id=plan_id, day=day, language=language
    ).first()
    if row is None:
        try:
            with transaction.atomic():
                row = PlanPdf.objects.create(
                    user_id=user_id, plan_id=plan_id, day=day, language=language, asked_at=now
                )
        except IntegrityError:  # asked twice at once: the other request queued it
            return PdfState(pdf=None, failed=False)
    elif row.pdf is not None or row.failed or now - row.asked_at < REDRAW_AFTER:
        return _state(row.pdf, row.failed)
    else:
        PlanPdf.objects.filter(pk=row.pk).update(asked_at=now)
    plan_pdf_draw.enqueue(pdf_id=row.pk)
    # With the immediate backend (tests, a machine without a worker) the drawing is done by now.
    drawn = PlanPdf.objects.filter(pk=row.pk).values_list("pdf", "failed").first()
    return _state(*drawn) if drawn else PdfState(pdf=None, failed=False)


def _state(pdf: bytes | memoryview | None, failed: bool) -> PdfState:
    # PostgreSQL's driver gives a binary column as a memoryview, SQLite's as bytes.
    return PdfState(pdf=None if pdf is None else bytes(pdf), failed=failed)
