from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "sciatica_coach.reminders"
    label = "reminders"
    verbose_name = "Reminders"
