from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "sciatica_coach.progress"
    label = "progress"
    verbose_name = "Progress"
