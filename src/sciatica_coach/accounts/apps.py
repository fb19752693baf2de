from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sciatica_coach.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from sciatica_coach.accounts.sessions import session_times_start

        def stamp(sender: object, request: object, **kwargs: object) -> None:
            # The idle and absolute lifetimes are counted from the moment of login.
            if request is not None and hasattr(request, "session"):
                session_times_start(request)  # type: ignore[arg-type]

        user_logged_in.connect(stamp, weak=False, dispatch_uid="sciatica_coach.session_times")
