from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from sciatica_coach import engine
from sciatica_coach.questionnaires import selectors, services
from sciatica_coach.questionnaires.forms import FORMS
from sciatica_coach.questionnaires.models import Response
from sciatica_coach.web.requests import AuthedRequest

INTROS = {
    "peg": gettext_lazy("Three quick questions about the past week. It takes under a minute."),
    "pgic": gettext_lazy("One question about how things have changed since you started."),
    "rmdq": gettext_lazy(
        "Use the Roland-Morris questionnaire your clinician gave you. Tick the number of each "
        "statement that describes you today. We keep only the numbers you tick."
    ),
    "odi": gettext_lazy(
        "Use the Oswestry questionnaire your clinician gave you. In each section, choose the "
        "number of the statement you marked: the first statement is 0 and the last is 5. Skip a "
        "section that does not apply; at least 8 of the 10 are needed for a score."
    ),
}


@login_required
@require_http_methods(["GET"])
def questionnaire_list(request: AuthedRequest) -> HttpResponse:
    due = selectors.questionnaires_due(user=request.user, today=timezone.localdate())
    return render(request, "questionnaires/list.html", {"questionnaires": due})


@login_required
@require_http_methods(["GET", "POST"])
def questionnaire_answer(request: AuthedRequest, instrument: str) -> HttpResponse:
    form_class = FORMS.get(instrument)
    if form_class is None:
        raise Http404
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            response = services.questionnaire_submit(
                user=request.user, instrument=instrument, answers=form.answers()
            )
        except engine.RefusedInput as refusal:
            form.add_error(None, refusal.reason)
        else:
            messages.success(
                request,
                _("Thank you. Your score: %(score)s.") % {"score": response.result["score"]},
            )
            return redirect("progress")
    label = Response.Instrument(instrument).label
    return render(
        request,
        "questionnaires/answer.html",
        {"form": form, "title": label, "intro": INTROS[instrument], "instrument": instrument},
    )
