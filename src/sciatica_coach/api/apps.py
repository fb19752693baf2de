from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sciatica_coach.api"
    label = "api"
    verbose_name = "API"
