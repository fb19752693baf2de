from django.urls import URLPattern, path

from sciatica_coach.questionnaires import views

urlpatterns: list[URLPattern] = [
    path("questionnaires/", views.questionnaire_list, name="questionnaires"),
    path(
        "questionnaires/<slug:instrument>/",
        views.questionnaire_answer,
        name="questionnaire_answer",
    ),
]
