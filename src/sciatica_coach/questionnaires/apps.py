from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "sciatica_coach.questionnaires"
    label = "questionnaires"
    verbose_name = "Questionnaires"
