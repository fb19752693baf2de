from django.apps import AppConfig


class OfflineConfig(AppConfig):
    name = "sciatica_coach.offline"
    label = "offline"
    verbose_name = "Offline sessions"
