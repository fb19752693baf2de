from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from sciatica_coach.accounts.sessions import CLEAR_SITE_DATA
from sciatica_coach.mydata import services
from sciatica_coach.mydata.forms import DeleteAccountForm
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_http_methods(["GET"])
def my_data(request: AuthedRequest) -> HttpResponse:
    return render(request, "mydata/my_data.html", {"form": DeleteAccountForm(user=request.user)})


# Each export: how it is made, and what the browser is told it is.
EXPORTS: dict[str, tuple[Callable[..., str | bytes], str]] = {
    "json": (services.data_export_json, "application/json"),
    "zip": (services.data_export_zip, "application/zip"),
}


@never_cache
@login_required
@require_http_methods(["GET"])
def data_export(request: AuthedRequest, kind: str) -> HttpResponse:
    if kind not in EXPORTS:
        raise Http404
    make, content_type = EXPORTS[kind]
    now = timezone.now()
    response = HttpResponse(make(user=request.user, now=now), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="sciatica-coach-{now:%Y-%m-%d}.{kind}"'
    return response


@login_required
@require_http_methods(["POST"])
def delete_account(request: AuthedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST, user=request.user, request=request)
    if not form.is_valid():
        return render(request, "mydata/my_data.html", {"form": form}, status=400)
    user = request.user
    logout(request)
    services.account_delete(user=user)
    messages.success(request, _("Your account and all its records have been deleted."))
    response = redirect("home")
    # The phone forgets too: the service worker's copies and any unsent logs.
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response
