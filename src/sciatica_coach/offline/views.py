"""The installable app: manifest, service worker, the offline session player and its sync."""

import hashlib
import json
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from sciatica_coach import __version__, engine
from sciatica_coach.accounts.views import account_cache_key
from sciatica_coach.coach.csp import allows_the_pose_model
from sciatica_coach.coach.pose_model import pose_model_url
from sciatica_coach.engine import advice
from sciatica_coach.engine.validation import parse
from sciatica_coach.engine.vocabulary import EXTENT_ORDER, RED_FLAGS, URGENCY_ORDER
from sciatica_coach.offline import services
from sciatica_coach.offline.payload import OfflineEntry
from sciatica_coach.program import selectors
from sciatica_coach.program.forms import SessionCheckForm
from sciatica_coach.program.presenters import plan_session, session_present
from sciatica_coach.program.services import NoProgram
from sciatica_coach.web.json_body import BadBody, json_body
from sciatica_coach.web.requests import AuthedRequest

View = Callable[..., HttpResponse]
STOP_HEADINGS = {
    "emergency": gettext_lazy("Stop. Go to an emergency department now."),
    "urgent": gettext_lazy("Stop. See a doctor today."),
    "soon": gettext_lazy("Stop the exercises and see a doctor within days."),
    "routine": gettext_lazy("Stop the exercises and book a doctor's appointment."),
}


def api_login_required(view: View) -> View:
    """A script gets 401 and JSON, not a redirect to the login page it cannot follow."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return JsonResponse({"error": {"field": "", "reason": "log in again"}}, status=401)
        return view(request, *args, **kwargs)

    return wrapped


def _refused(field: str, reason: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": {"field": field, "reason": reason}}, status=status)


@require_POST
@api_login_required
def session_sync(request: AuthedRequest) -> HttpResponse:
    try:
        data = json_body(request.body)
    except BadBody as refusal:
        return _refused(refusal.field, refusal.reason)
    try:
        entry = parse(OfflineEntry, data, "session")
    except engine.RefusedInput as refusal:
        return _refused(refusal.field, refusal.reason)
    try:
        log_id, created = services.offline_session_sync(
            user=request.user, entry=entry, today=timezone.localdate()
        )
    except services.FutureSession:
        return _refused("session.date", f"{entry.date} is after today")
    except NoProgram:
        return _refused("session", "there is no program to log against", status=409)
    except services.UnknownSlot:
        return _refused("session.slot", f"the plan has no {entry.slot} session")
    except services.NotYourPlan:
        # A log queued on a shared phone by someone else: never stored as this person's.
        return _refused("session.plan_id", "is not a plan of the signed-in account", status=409)
    return JsonResponse({"log_id": log_id, "created": created}, status=201 if created else 200)


def _flags_by_urgency(asks_pregnancy_signs: bool) -> list[dict[str, Any]]:
    """What the engine says for each warning sign if it were reported now, most urgent first.

    The offline page cannot ask the engine, so it carries the engine's answers with it; the page
    only picks the first sign that was ticked. When the log is sent, the server asks the engine
    again with everything the person reported (a sign reported at a check-in fires even where a
    clinician cleared it before: triage rule 8, so no clearance is passed here).
    """
    answers = []
    for flag in RED_FLAGS:
        answer = engine.screen(
            {"red_flags": [flag], "pregnant_or_postpartum": asks_pregnancy_signs}
        )
        answers.append({"id": flag, "urgency": answer["urgency"], "advice": answer["advice"]})
    return sorted(answers, key=lambda a: URGENCY_ORDER.index(a["urgency"]))


@login_required
@require_GET
@allows_the_pose_model  # the camera coach may run here
def session_player(request: AuthedRequest, slot: str) -> HttpResponse:
    """The whole session on one page, run by the phone, so it works with no connection."""
    plan = selectors.plan_current(user=request.user)
    profile = selectors.profile_get(user=request.user)
    if plan is None or profile is None or not plan.is_program:
        return redirect("today")
    session = plan_session(plan.answer, slot)
    if session is None:
        return redirect("today")
    # Triage rule 7, as the engine answered it for this profile; without an answer, ask.
    asks = bool(profile.triage.get("pregnancy_warning_signs_asked", True))
    offline_data = {
        "plan_id": plan.pk,
        "account": account_cache_key(request.user.pk),
        "slot": slot,
        # Which answers after a session mean the symptoms spread: the engine's rule, as a table.
        "spreads": {
            before: [after for after in EXTENT_ORDER if engine.peripheralised(before, after)]
            for before in EXTENT_ORDER
        },
        "flags": _flags_by_urgency(asks),
        "text": {
            "headings": {level: str(text) for level, text in STOP_HEADINGS.items()},
            "saved": _("Saved on this phone."),
            "sent": _("Sent. Your log is safe."),
            "later": _("Saved on this phone. It will be sent when you are back online."),
        },
    }
    return render(
        request,
        "offline/player.html",
        {
            "session": session_present(session),
            "before": SessionCheckForm(prefix="before", pregnant_or_postpartum=asks),
            "after": SessionCheckForm(prefix="after", pregnant_or_postpartum=asks),
            "offline_data": offline_data,
            "spreading_advice": advice.STOP_IF_SPREADING,
        },
    )


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {
            "name": _("Sciatica Coach"),
            "short_name": _("Sciatica"),
            "description": _("A gentle, safe daily program for sciatica."),
            "start_url": "/today/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#f7f6f2",
            "theme_color": "#0b5d57",
            "icons": [
                {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {
                    "src": static("icons/icon-maskable-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        },
        content_type="application/manifest+json",
    )


SHELL = (
    "css/app.css",
    "css/progress.css",
    "js/app.js",
    "js/pwa.js",
    "js/offline.js",
    "favicon.svg",
    "icons/icon-192.png",
)


@cache
def _shell_version() -> str:
    """Changes whenever a shell file changes, so phones pick up the new files."""
    digest = hashlib.sha256(__version__.encode())
    for path in SHELL:
        found = finders.find(path)
        if isinstance(found, str):
            digest.update(Path(found).read_bytes())
    return digest.hexdigest()[:12]


@require_GET
def offline_notice(request: HttpRequest) -> HttpResponse:
    """What the service worker shows offline to a browser with no one signed in: no page of
    anyone's, only the notice. The same for everyone, so it never depends on the user."""
    return render(request, "offline/notice.html")


@never_cache
@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    # Served from the site root so that it may control every page; the version changes with each
    # release, which makes browsers install the new worker and drop the old caches.
    response = render(
        request,
        "offline/sw.js",
        {
            "version": _shell_version(),
            "shell_json": json.dumps([static(path) for path in SHELL]),
            "offline_url": reverse("offline_notice"),
            "session_url": reverse("session_state"),
            "login_url": reverse("login"),
            "pose_model_url": pose_model_url(),
        },
        content_type="text/javascript",
    )
    response["Service-Worker-Allowed"] = "/"
    return response
