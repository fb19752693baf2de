"""The clinic's home and its dashboard: patients sorted by what needs attention."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sciatica_coach.clinic import dashboard, selectors
from sciatica_coach.clinic.audit import audit_record
from sciatica_coach.clinic.models import AuditEvent, Clinic
from sciatica_coach.clinic.views.access import CLINICIAN, actor, clinic_view
from sciatica_coach.engine.vocabulary import DIRECTIONAL_PREFERENCE_TEXT, PHASE_TEXT
from sciatica_coach.program import selectors as program_selectors
from sciatica_coach.program.choices import PHASES
from sciatica_coach.program.summary import Listed
from sciatica_coach.web.requests import AuthedRequest

FILTER_WORDS = {
    "": "everyone",
    dashboard.RED_FLAG: "warning sign reported",
    dashboard.REVIEW: "review recommended",
    dashboard.LOW_ADHERENCE: "adherence under 50% this week",
    dashboard.QUIET: "no session for 3 days",
    "none": "nothing needs attention",
}


@login_required
@require_GET
def home(request: AuthedRequest) -> HttpResponse:
    """Staff choose a clinic; everyone else is taken to their own clinic page."""
    clinics = selectors.clinics_for(user=request.user)
    if not clinics:
        return redirect("clinic_mine")
    if len(clinics) == 1 and selectors.roles_in(user=request.user, clinic=clinics[0]) == {
        selectors.CLINICIAN
    }:
        return redirect("clinic_dashboard", slug=clinics[0].slug)
    return render(request, "clinic/home.html", {"clinics": clinics})


@clinic_view(CLINICIAN)
@require_GET
def dashboard_page(request: AuthedRequest, clinic: Clinic) -> HttpResponse:
    today = timezone.localdate()
    members = selectors.members_named(clinic=clinic)
    summaries = {
        s.user_id: s for s in program_selectors.summaries_listed(user_ids=[m[0] for m in members])
    }
    people = (
        (dashboard.Person(pk, username), f"{first} {last}".strip() or username)
        for pk, username, first, last in members
    )
    rows = dashboard.rows_for(people, summaries, today)
    chosen = {
        "kind": request.GET.get("attention", ""),
        "phase": request.GET.get("phase", ""),
        "preference": request.GET.get("preference", ""),
        "query": request.GET.get("q", "")[:100],
    }
    shown = dashboard.filtered(rows, **chosen)
    page = Paginator(shown, dashboard.PAGE_SIZE).get_page(request.GET.get("page"))
    listed = list(page.object_list)
    program_selectors.summaries_detail(
        rows=[r.view.row for r in listed if r.view is not None and isinstance(r.view.row, Listed)]
    )
    for row in listed:
        if row.view is not None:
            row.reasons = dashboard.attention(row.view)
            row.pain_svg = dashboard.pain_sparkline(row.view)  # type: ignore[attr-defined]
            row.extent_svg = dashboard.extent_sparkline(row.view)  # type: ignore[attr-defined]
            row.adherence_words = dashboard.adherence_words(row.view)  # type: ignore[attr-defined]
    # Each patient whose summary is on the page is a read of their records.
    audit_record(
        actor=actor(request),
        clinic=clinic,
        patients=[row.user.pk for row in listed],
        action=AuditEvent.Action.READ,
        what="dashboard",
    )
    return render(
        request,
        "clinic/dashboard.html",
        {
            "clinic": clinic,
            "page": page,
            "rows": listed,
            "total": len(rows),
            "chosen": chosen,
            "filters": FILTER_WORDS,
            "phases": PHASES,
            "phase_text": PHASE_TEXT,
            "preferences": DIRECTIONAL_PREFERENCE_TEXT,
            "week": 7,
        },
    )
