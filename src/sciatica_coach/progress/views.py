import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from sciatica_coach.progress.report import progress_report
from sciatica_coach.progress.selectors import progress_data
from sciatica_coach.questionnaires.selectors import questionnaires_due
from sciatica_coach.web.requests import AuthedRequest

HISTORY_DAYS = 12 * 7


@login_required
@require_http_methods(["GET"])
def progress(request: AuthedRequest) -> HttpResponse:
    today = timezone.localdate()
    data = progress_data(user=request.user, since=today - dt.timedelta(days=HISTORY_DAYS))
    due = [q for q in questionnaires_due(user=request.user, today=today) if q.due]
    return render(
        request,
        "progress/progress.html",
        {"charts": progress_report(data, today), "due": due, "has_sessions": data.has_sessions},
    )
