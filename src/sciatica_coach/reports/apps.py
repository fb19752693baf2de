from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "sciatica_coach.reports"
    label = "reports"
    verbose_name = "Reports"
