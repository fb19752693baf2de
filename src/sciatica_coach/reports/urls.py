from django.urls import URLPattern, path

from sciatica_coach.reports import views

urlpatterns: list[URLPattern] = [path("today/plan.pdf", views.plan_pdf, name="plan_pdf")]
