"""The request type of views behind ``login_required``: the user is a real account."""

from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthedRequest(HttpRequest):
    user: User
