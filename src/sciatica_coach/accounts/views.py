"""Sign-up and account deletion; the other account pages are Django's own views."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sciatica_coach.accounts import services
from sciatica_coach.accounts.forms import DeleteAccountForm, SignupForm
from sciatica_coach.web.requests import AuthedRequest


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("today")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("intake")
    return render(
        request,
        "accounts/signup.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: AuthedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.user_delete(user=request.user)
        logout(request)
        messages.info(request, _("Your account and all your answers and sessions are deleted."))
        return redirect("home")
    return render(
        request,
        "accounts/form.html",
        {
            "form": form,
            "title": _("Delete my account"),
            "intro": _(
                "This deletes your account and everything you told us: your answers, plans, "
                "sessions and reviews. It cannot be undone."
            ),
            "button": _("Delete everything"),
        },
        status=400 if form.errors else 200,
    )
