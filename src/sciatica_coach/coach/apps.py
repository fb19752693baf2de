from django.apps import AppConfig


class CoachConfig(AppConfig):
    name = "sciatica_coach.coach"
    label = "coach"
    verbose_name = "Camera coach"
