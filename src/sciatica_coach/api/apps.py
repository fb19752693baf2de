from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sciatica_coach.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from sciatica_coach.accounts.signals import every_other_way_in_ends
        from sciatica_coach.api.tokens import tokens_revoke_all

        every_other_way_in_ends.connect(tokens_revoke_all, dispatch_uid="api_tokens_revoke_all")
