from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "sciatica_coach.education"
    label = "education"
    verbose_name = "Education"
