from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthedRequest(HttpRequest):
    """A request past ``login_required``: its user is a real account."""

    user: User
