"""The REST API, ``/api/v1``: one door for phone apps, clinic systems and researchers. It calls
the same services and selectors as the pages; the OpenAPI document is ``/api/v1/openapi.json``
and the browsable docs ``/api/v1/docs`` (served from our own static files: nothing is fetched)."""

from sciatica_coach import __version__
from sciatica_coach.api import (
    errors,
    routes_account,
    routes_exercises,
    routes_fhir,
    routes_me,
    routes_patients,
)

api = errors.CoachApi(
    title="Sciatica Coach API",
    version=__version__,
    description=(
        "The sciatica program through an API. Authenticate with a personal token "
        "(`Authorization: Bearer TOKEN`, from POST /api/v1/token or the API tokens page) or the "
        "signed-in browser session (with its CSRF token for writes). Every refusal is "
        '`{"error": {"field": ..., "reason": ...}}` and changes nothing.'
    ),
    urls_namespace="api",
)
errors.install(api)
api.add_router("", routes_account.router)
api.add_router("/me", routes_me.router)
api.add_router("/me", routes_fhir.router)
api.add_router("", routes_exercises.router)
api.add_router("/patients", routes_patients.router)
