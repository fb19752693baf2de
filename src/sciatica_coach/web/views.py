"""The front door and the error pages: never a traceback, always a way on."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("today")
    return render(request, "home.html")


@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and the benchmark's floor: the full middleware, no database."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that touch the database: the database may be why we are here.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403.html", status=403)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)
