from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "sciatica_coach.program"
    label = "program"
