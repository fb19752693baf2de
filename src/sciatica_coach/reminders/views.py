"""Reminder settings, the secret calendar link, and the calendar feed itself."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sciatica_coach.accounts.email_verification import (
    email_is_verified,
    email_verification_token,
)
from sciatica_coach.accounts.tasks import email_verification_send
from sciatica_coach.reminders import selectors, services
from sciatica_coach.reminders.forms import ReminderSettingsForm
from sciatica_coach.reminders.models import ReminderSettings
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_http_methods(["GET", "POST"])
def reminder_settings(request: AuthedRequest) -> HttpResponse:
    found = selectors.reminder_settings_get(user=request.user)
    initial = (
        {
            "time_zone": found.time_zone,
            "morning_at": found.morning_at,
            "evening_at": found.evening_at,
            "email_on": found.email_on,
        }
        if found
        else {}
    )
    form = ReminderSettingsForm(
        request.POST or None, initial=initial, has_email=bool(getattr(request.user, "email", ""))
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.reminder_settings_update(
            user=request.user,
            time_zone=data["time_zone"],
            morning_at=data["morning_at"],
            evening_at=data["evening_at"],
            email_on=data["email_on"],
        )
        messages.success(request, _("Your reminder settings are saved."))
        if data["email_on"] and not email_is_verified(user=request.user):
            # Reminders start once the person shows the address is theirs.
            link = request.build_absolute_uri(
                reverse("email_verify", args=[email_verification_token(user=request.user)])
            )
            email_verification_send.enqueue(user_id=request.user.pk, link=link)
            messages.info(
                request,
                _("We sent a link to %(email)s. E-mail reminders start once you open it.")
                % {"email": request.user.email},
            )
        return redirect("reminder_settings")
    feed_url = ""
    if found and found.feed_token:
        feed_url = request.build_absolute_uri(reverse("calendar_feed", args=[found.feed_token]))
    return render(
        request,
        "reminders/settings.html",
        {
            "form": form,
            "feed_url": feed_url,
            "saved": found is not None,
            "email_waiting": bool(found and found.email_on)
            and not email_is_verified(user=request.user),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def feed_link_renew(request: AuthedRequest) -> HttpResponse:
    had_link = bool(getattr(selectors.reminder_settings_get(user=request.user), "feed_token", ""))
    services.feed_link_renew(user=request.user)
    if had_link:
        messages.success(request, _("Here is your new link. The old one no longer works."))
    else:
        messages.success(request, _("Here is your calendar link."))
    return redirect(reverse("reminder_settings") + "#calendar")


@login_required
@require_POST
def feed_link_revoke(request: AuthedRequest) -> HttpResponse:
    services.feed_link_revoke(user=request.user)
    messages.success(request, _("Your calendar link is turned off."))
    return redirect(reverse("reminder_settings") + "#calendar")


def _owner_key(found: ReminderSettings) -> str:
    # Stable event IDs across link renewals that reveal nothing about who the person is.
    return salted_hmac("sciatica_coach.reminders.feed", str(found.user_id)).hexdigest()


@require_safe  # calendar apps may ask with HEAD first
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """No login: calendar apps cannot log in. The long random token in the link is the secret."""
    found = selectors.reminder_settings_by_token(token=token)
    zone = ZoneInfo(found.time_zone)
    # Imported here: icalendar costs each server process 3 MB, and few requests need it.
    from sciatica_coach.reminders.calendar_feed import session_feed

    feed = session_feed(
        times=found.times,
        time_zone=found.time_zone,
        starts_on=found.created_at.astimezone(zone).date(),
        owner_key=_owner_key(found),
        stamp=found.updated_at,
        url=request.build_absolute_uri(reverse("today")),
    )
    response = HttpResponse(feed, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
