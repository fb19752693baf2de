from django.urls import URLPattern, path

from sciatica_coach.offline import views

urlpatterns: list[URLPattern] = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline_notice, name="offline_notice"),
    path("offline/session/<slug:slot>/", views.session_player, name="offline_player"),
    path("offline/sessions/", views.session_sync, name="offline_sync"),
]
