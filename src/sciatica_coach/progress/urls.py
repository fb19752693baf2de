from django.urls import URLPattern, path

from sciatica_coach.progress import views

urlpatterns: list[URLPattern] = [path("progress/", views.progress, name="progress")]
