from django.urls import URLPattern, path

from sciatica_coach.education import views

urlpatterns: list[URLPattern] = [
    path("learn/", views.page_list, name="learn"),
    path("learn/<slug:slug>/", views.page_detail, name="learn_page"),
]
