from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sciatica_coach.web"
    label = "web"

    def ready(self) -> None:
        # Connected before any database connection opens, so each one's file is remembered.
        from sciatica_coach.web import database_watch  # noqa: F401
