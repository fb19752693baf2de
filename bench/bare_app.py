"""The bare floor: Django with no middleware and one view that runs one indexed SELECT."""

import os
import sqlite3
import tempfile

from django.conf import settings

DB = os.environ.get("BARE_DB") or os.path.join(tempfile.gettempdir(), "sciatica-bare.sqlite3")

with sqlite3.connect(DB) as setup:
    setup.execute("CREATE TABLE IF NOT EXISTS item (id INTEGER PRIMARY KEY, name TEXT)")
    setup.execute("INSERT OR IGNORE INTO item (id, name) VALUES (1, 'floor')")

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only-not-a-secret",  # noqa: S106 - a throwaway benchmark server
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DB,
            "OPTIONS": {"transaction_mode": "IMMEDIATE"},
            "CONN_MAX_AGE": 600,
        }
    },
)

import django  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

django.setup()


def one_select(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM item WHERE id = %s", [1])
        row = cursor.fetchone()
    return HttpResponse(row[0])


urlpatterns = [path("", one_select)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
