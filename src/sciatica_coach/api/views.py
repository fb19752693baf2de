"""The API tokens page: make, list and revoke personal tokens. A new token is shown once."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from sciatica_coach.api import tokens
from sciatica_coach.api.forms import TokenForm
from sciatica_coach.web.requests import AuthedRequest


@login_required
@never_cache  # the answer to a POST holds a new token in clear: no copy kept by any cache
@require_http_methods(["GET", "POST"])
def token_list(request: AuthedRequest) -> HttpResponse:
    """A new token is shown in the answer to the POST that made it, never put in the session
    or a redirect: it is stored nowhere but in that page."""
    form = TokenForm(request.POST or None)
    made = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        token, key = tokens.token_create(
            user=request.user, name=data["name"], scope=data["scope"], days=data["days"]
        )
        made = {"token": token, "key": key}
        form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {"form": form, "made": made, "tokens": tokens.tokens_of(user=request.user)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def token_revoke(request: AuthedRequest, token_id: int) -> HttpResponse:
    tokens.token_revoke(user=request.user, token_id=token_id)
    return redirect("api_tokens")
