from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sciatica_coach.web"
    label = "web"
