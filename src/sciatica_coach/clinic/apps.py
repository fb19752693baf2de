from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "sciatica_coach.clinic"
    label = "clinic"
    verbose_name = "Clinics"
