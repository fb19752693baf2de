from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from sciatica_coach.program import selectors
from sciatica_coach.reports.services import plan_pdf_ask
from sciatica_coach.web.requests import AuthedRequest

# Seconds the "being made" page waits before it asks again.
ASK_AGAIN_S = 3


@login_required
@require_GET
def plan_pdf(request: AuthedRequest) -> HttpResponse:
    """The current plan on paper: each exercise with its start and end pictures. The worker
    draws it; until it has, the person sees a page that asks again by itself."""
    plan = selectors.plan_current(user=request.user)
    if plan is None or not plan.is_program:
        return redirect("today")
    state = plan_pdf_ask(
        user_id=request.user.pk,
        plan_id=plan.pk,
        day=timezone.localdate(),
        language=get_language() or "en",
        now=timezone.now(),
    )
    if state.failed:
        return render(request, "reports/unavailable.html", status=503)
    if state.pdf is None:
        waiting = render(request, "reports/being_made.html", {"again_s": ASK_AGAIN_S}, status=202)
        waiting["Retry-After"] = str(ASK_AGAIN_S)
        return waiting
    response = HttpResponse(state.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="my-plan-{plan.created_on}.pdf"'
    return response
