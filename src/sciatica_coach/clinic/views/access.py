"""Who may open a clinic page: the clinic comes from the address, and the reader must hold a
role in it that allows the page. Anyone else gets a 404, as for anyone else's records."""

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpResponse

from sciatica_coach.clinic import selectors
from sciatica_coach.clinic.audit import Actor, actor_of
from sciatica_coach.clinic.models import Clinic, Membership
from sciatica_coach.web.requests import AuthedRequest

CLINICIAN = (selectors.CLINICIAN,)
ADMIN = (selectors.ADMIN,)
ANY_STAFF = (selectors.CLINICIAN, selectors.ADMIN)

View = Callable[..., HttpResponse]


def clinic_view(roles: tuple[str, ...]) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @login_required
        @functools.wraps(view)
        def wrapper(request: AuthedRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            clinic = selectors.clinic_with_role(user=request.user, slug=slug, roles=roles)
            if clinic is None:
                raise Http404
            return view(request, clinic, *args, **kwargs)

        return wrapper

    return decorate


def patient_in(clinic: Clinic, patient_id: int) -> Membership:
    membership = selectors.membership_active(clinic=clinic, patient_id=patient_id)
    if membership is None:
        raise Http404
    return membership


def actor(request: AuthedRequest) -> Actor:
    return actor_of(request, request.user)


def name_of(user: User) -> str:
    return user.get_full_name() or user.username
