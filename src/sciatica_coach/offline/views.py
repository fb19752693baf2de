"""The installable app: manifest, service worker, the offline session player and its sync."""

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from sciatica_coach import __version__, engine
from sciatica_coach.engine import advice
from sciatica_coach.engine.vocabulary import RED_FLAGS
from sciatica_coach.offline import services
from sciatica_coach.offline.payload import OfflineEntry
from sciatica_coach.program import selectors
from sciatica_coach.program.choices import EXTENT_LABEL, SLOTS
from sciatica_coach.program.exercises import exercise_get
from sciatica_coach.program.services import NoProgram
from sciatica_coach.web.requests import AuthedRequest

View = Callable[..., HttpResponse]


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
        data = json.loads(request.body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _refused("body", "not valid JSON")
    try:
        entry = engine.validation.parse(OfflineEntry, data, "session")
    except engine.RefusedInput as refusal:
        return _refused(refusal.field, refusal.reason)
    try:
        log, created = services.offline_session_sync(
            user=request.user, entry=entry, today=timezone.localdate()
        )
    except services.FutureSession:
        return _refused("session.date", f"{entry.date} is after today")
    except NoProgram:
        return _refused("session", "there is no program to log against", status=409)
    return JsonResponse({"log_id": log.pk, "created": created}, status=201 if created else 200)


@login_required
@require_GET
def session_player(request: AuthedRequest, slot: str) -> HttpResponse:
    """The whole session on one page, run by the phone, so it works with no connection."""
    plan = selectors.plan_current(user=request.user)
    if plan is None or not plan.is_program:
        return redirect("today")
    session = next((s for s in plan.answer["sessions"] if s["slot"] == slot), None)
    if session is None:
        return redirect("today")
    steps = [{**item, "exercise_info": exercise_get(item["exercise"]) or {}} for item in session["items"]]
    return render(
        request,
        "offline/player.html",
        {
            "plan": plan,
            "slot": slot,
            "slot_label": SLOTS.get(slot, slot),
            "steps": steps,
            "extents": list(EXTENT_LABEL.items()),
            "red_flags": [(fid, flag.text) for fid, flag in RED_FLAGS.items()],
            "advice": {
                "emergency": list(advice.URGENCY_ADVICE["emergency"]),
                "spreading": advice.STOP_IF_SPREADING,
                "safety_net": advice.SAFETY_NET,
            },
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


@never_cache
@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    # Served from the site root so that it may control every page; the version changes with each
    # release, which makes browsers install the new worker and drop the old caches.
    response = render(
        request,
        "offline/sw.js",
        {
            "version": f"{__version__}-{settings.STATIC_VERSION}",
            "shell": [
                static("css/app.css"),
                static("js/app.js"),
                static("js/pwa.js"),
                static("js/offline.js"),
                static("favicon.svg"),
                static("icons/icon-192.png"),
            ],
        },
        content_type="text/javascript",
    )
    response["Service-Worker-Allowed"] = "/"
    return response
