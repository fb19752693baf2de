from django.urls import URLPattern, path

from sciatica_coach.coach import views

urlpatterns: list[URLPattern] = [
    path("coach/table.json", views.coach_table, name="coach_table"),
    path("coach/check/", views.coach_check, name="coach_check"),
]
