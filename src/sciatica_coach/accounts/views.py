"""Sign-up, logging out (here or everywhere), the password pages' session handling, and the
small "who is signed in" answer the offline app checks on start-up."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sciatica_coach.accounts.email_verification import email_verified_from_token
from sciatica_coach.accounts.forms import LockoutPasswordChangeForm, SignupForm
from sciatica_coach.accounts.lockout import login_success_record
from sciatica_coach.accounts.sessions import (
    CLEAR_SITE_DATA,
    session_times_start,
    sessions_end,
)
from sciatica_coach.accounts.signals import every_other_way_in_ends
from sciatica_coach.web.requests import AuthedRequest


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("today")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)
        return redirect("intake")
    return render(
        request,
        "accounts/signup.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def account_cache_key(user_id: int) -> str:
    """An opaque, stable name for one account's copies on a phone. It says nothing about who
    the person is (not the username, not the id), and cannot be guessed for another account."""
    return salted_hmac("sciatica_coach.accounts.cache-key", str(user_id)).hexdigest()[:32]


@never_cache
@require_GET
def session_state(request: HttpRequest) -> JsonResponse:
    """Whether this browser is signed in, and as which account (its opaque cache key).

    The service worker and pwa.js ask on start-up: a browser that is no longer signed in, or is
    signed in as someone else, drops the pages and unsent logs it kept for the previous account.
    """
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False, "account": None})
    return JsonResponse({"signed_in": True, "account": account_cache_key(request.user.pk)})


class LogoutView(auth_views.LogoutView):
    """Django's logout (the session row is deleted, so a copied cookie stops working), and the
    browser told to drop this site's caches and storage."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response


@login_required
@require_POST
def logout_everywhere(request: AuthedRequest) -> HttpResponse:
    """Sign out of all devices: every session of this account ends, this one too."""
    user = request.user
    sessions_end(user=user)
    every_other_way_in_ends.send(sender=logout_everywhere, user=user)
    logout(request)
    messages.success(
        request,
        _(
            "You are logged out on every phone and computer, and any API tokens you had no "
            "longer work."
        ),
    )
    response = redirect("login")
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """A new password ends every other session of the account; this one carries on."""

    form_class = LockoutPasswordChangeForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)  # keeps this session (a new key) signed in
        sessions_end(user=form.user, keep=self.request.session.session_key)
        every_other_way_in_ends.send(sender=type(self), user=form.user)
        session_times_start(self.request)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A password set from an e-mailed link ends every session of the account (whoever knew the
    old password is out) and clears the wrong-password count."""

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        sessions_end(user=form.user)
        every_other_way_in_ends.send(sender=type(self), user=form.user)
        login_success_record(username=form.user.get_username())
        return response


@require_GET
def email_verify(request: HttpRequest, token: str) -> HttpResponse:
    """Opened from the e-mail: no login needed, the signed token is the proof."""
    user = email_verified_from_token(token=token)
    if user is None:
        title, text, status = (
            _("This link does not work"),
            _(
                "It is too old, or your e-mail address has changed since. Turn reminders on "
                "again on the Reminders page to get a new link."
            ),
            400,
        )
    else:
        title, text, status = (
            _("Thank you: your e-mail address is confirmed"),
            _("E-mail reminders can now reach you."),
            200,
        )
    return render(request, "accounts/message.html", {"title": title, "text": text}, status=status)
