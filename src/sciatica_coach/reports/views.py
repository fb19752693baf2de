from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from sciatica_coach.illustration import illustrate
from sciatica_coach.program import selectors
from sciatica_coach.program.choices import PHASES, SLOTS
from sciatica_coach.program.presenters import plan_item_present
from sciatica_coach.reports.pdf import PdfUnavailable, html_to_pdf
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_GET
def plan_pdf(request: AuthedRequest) -> HttpResponse:
    """The current plan on paper: each exercise with its start and end pictures."""
    plan = selectors.plan_current(user=request.user)
    if plan is None or not plan.is_program:
        return redirect("today")
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
            "today": timezone.localdate(),
        },
        request=request,
    )
    try:
        pdf = html_to_pdf(html)
    except PdfUnavailable:
        return render(request, "reports/unavailable.html", status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="my-plan-{plan.created_on}.pdf"'
    return response
