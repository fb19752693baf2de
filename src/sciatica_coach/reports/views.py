from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from sciatica_coach.illustration import illustrate
from sciatica_coach.program import selectors
from sciatica_coach.program.choices import PHASES, SLOTS
from sciatica_coach.program.presenters import plan_item_present
from sciatica_coach.reports.pdf import PdfUnavailable, html_to_pdf
from sciatica_coach.reports.pdf_cache import PdfBusy, pdf_key, plan_pdf_get
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_GET
def plan_pdf(request: AuthedRequest) -> HttpResponse:
    """The current plan on paper: each exercise with its start and end pictures."""
    plan = selectors.plan_current(user=request.user)
    if plan is None or not plan.is_program:
        return redirect("today")
    today = timezone.localdate()

    def render_pdf() -> bytes:
        sessions = [
            {
                "label": SLOTS.get(session["slot"], session["slot"]),
                "minutes": max(1, round(session["seconds"] / 60)),
                "items": [
                    {
                        **plan_item_present(item),
                        # Inline SVG is safe here: the PDF is drawn by WeasyPrint, not a browser.
                        "strip": illustrate(item["exercise"], mode="strip"),
                    }
                    for item in session["items"]
                ],
            }
            for session in plan.answer["sessions"]
        ]
        html = render_to_string(
            "reports/plan.html",
            {
                "plan": plan,
                "answer": plan.answer,
                "sessions": sessions,
                "phase_label": PHASES.get(plan.answer["phase"], plan.answer["phase"]),
                "walk": plan.answer.get("daily_activity"),
                "today": today,
            },
            request=request,
        )
        return html_to_pdf(html)

    key = pdf_key(plan_id=plan.pk, day=today.isoformat(), language=get_language() or "")
    try:
        pdf = plan_pdf_get(user_id=request.user.pk, key=key, render=render_pdf)
    except PdfUnavailable:
        return render(request, "reports/unavailable.html", status=503)
    except PdfBusy:
        busy = render(request, "reports/busy.html", status=429)
        busy["Retry-After"] = "5"
        return busy
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="my-plan-{plan.created_on}.pdf"'
    return response
