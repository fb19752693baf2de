"""The plan PDF is drawn by the worker: WeasyPrint takes a few hundred milliseconds of CPU, which
no request should wait on, and many people printing at once should queue there, not take the
app servers' workers from everyone else's pages."""

from django.db import transaction
from django.tasks import task
from django.utils import translation

from sciatica_coach.reports.document import plan_html
from sciatica_coach.reports.models import PlanPdf
from sciatica_coach.reports.pdf import PdfUnavailable, html_to_pdf


@task
def plan_pdf_draw(*, pdf_id: int) -> bool:
    """Draw the PDF claimed by this row; ``False`` when there was nothing to draw (already drawn,
    or the plan or account deleted since it was asked for)."""
    row = (
        PlanPdf.objects.filter(pk=pdf_id, pdf__isnull=True, failed=False)
        .select_related("plan")
        .first()
    )
    if row is None:
        return False
    with translation.override(row.language):
        html = plan_html(created_on=row.plan.created_on, answer=row.plan.answer, day=row.day)
    try:
        pdf = html_to_pdf(html)
    except PdfUnavailable:
        PlanPdf.objects.filter(pk=pdf_id).update(failed=True)
        return False
    with transaction.atomic():
        PlanPdf.objects.filter(pk=pdf_id).update(pdf=pdf)
        # One printed plan is kept per person and language: the copies of older plans, or of
        # earlier days, will not be asked for again.
        PlanPdf.objects.filter(user_id=row.user_id).exclude(
            plan_id=row.plan_id, day=row.day
        ).delete()
    return True
