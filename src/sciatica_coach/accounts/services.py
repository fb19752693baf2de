"""Account writes that are more than Django's own views."""

from django.contrib.auth.models import User
from django.db import transaction

from sciatica_coach.accounts.lockout import login_success_record


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Erase the person and, by cascade, every profile, plan, log and review of theirs."""
    login_success_record(username=user.get_username())  # drops their failed-login rows too
    user.delete()
