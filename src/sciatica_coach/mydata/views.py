from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from sciatica_coach.mydata import services
from sciatica_coach.mydata.forms import DeleteAccountForm
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_http_methods(["GET"])
def my_data(request: AuthedRequest) -> HttpResponse:
    return render(request, "mydata/my_data.html", {"form": DeleteAccountForm(user=request.user)})


def _download(content: str | bytes, *, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET"])
def export_json(request: AuthedRequest) -> HttpResponse:
    now = timezone.now()
    return _download(
        services.data_export_json(user=request.user, now=now),
        name=f"sciatica-coach-{now:%Y-%m-%d}.json",
        content_type="application/json",
    )


@never_cache
@login_required
@require_http_methods(["GET"])
def export_zip(request: AuthedRequest) -> HttpResponse:
    now = timezone.now()
    return _download(
        services.data_export_zip(user=request.user, now=now),
        name=f"sciatica-coach-{now:%Y-%m-%d}.zip",
        content_type="application/zip",
    )


@login_required
@require_http_methods(["POST"])
def delete_account(request: AuthedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "mydata/my_data.html", {"form": form}, status=400)
    services.account_delete(user=request.user)
    logout(request)
    messages.success(request, _("Your account and all its records have been deleted."))
    return redirect("home")
