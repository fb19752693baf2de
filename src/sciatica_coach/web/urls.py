from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.generic import RedirectView

from sciatica_coach.api.api import api
from sciatica_coach.web import pictures, views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("health/live/", views.alive, name="alive"),
    path("api/v1/", api.urls),
    path("", include("sciatica_coach.api.urls")),
    path("accounts/", include("sciatica_coach.accounts.urls")),
    path("", include("sciatica_coach.program.urls")),
    path("", include("sciatica_coach.education.urls")),
    path("", include("sciatica_coach.questionnaires.urls")),
    path("", include("sciatica_coach.progress.urls")),
    path("", include("sciatica_coach.mydata.urls")),
    path("", include("sciatica_coach.offline.urls")),
    path("", include("sciatica_coach.reports.urls")),
    path("relief/", include("sciatica_coach.relief.urls")),
    path("", include("sciatica_coach.reminders.urls")),
    path("", include("sciatica_coach.coach.urls")),
    path("clinic/", include("sciatica_coach.clinic.urls")),
    path("admin/", admin.site.urls),
    path("pictures/", pictures.gallery, name="gallery"),
    path(
        "exercises/<slug:exercise_id>/<slug:mode>.svg",
        pictures.exercise_picture,
        name="exercise_picture",
    ),
    path("favicon.ico", RedirectView.as_view(url="/static/favicon.svg", permanent=True)),
]

handler400 = "sciatica_coach.web.views.bad_request"
handler403 = "sciatica_coach.web.views.permission_denied"
handler404 = "sciatica_coach.web.views.page_not_found"
handler500 = "sciatica_coach.web.views.server_error"
