from django.apps import AppConfig


class ReliefConfig(AppConfig):
    name = "sciatica_coach.relief"
    label = "relief"
    verbose_name = "Relief toolkit"
