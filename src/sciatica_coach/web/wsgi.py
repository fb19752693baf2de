"""The WSGI entry point gunicorn serves."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sciatica_coach.web.settings")
application = get_wsgi_application()

if os.environ.get("SCIATICA_COACH_WARM_UP", "1") == "1":
    from sciatica_coach.web.warmup import warm_up

    warm_up()
