from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sciatica_coach.accounts"
    label = "accounts"
