"""Test settings: the real settings, with a throwaway data directory and a fast password hash."""

import os
import tempfile

os.environ.setdefault("SCIATICA_COACH_DATA_DIR", tempfile.mkdtemp(prefix="sciatica-test-"))

from sciatica_coach.web.settings import *  # noqa: F403
from sciatica_coach.web.settings import PASSWORD_HASHERS as PRODUCTION_HASHERS

# Argon2 is deliberately slow; tests hash many passwords. Production keeps Argon2 (tested).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PRODUCTION_HASHERS]

# The test database is a file, not SQLite's shared in-memory database: the browser tests' live
# server answers requests on several threads, and only a file database gives them WAL and the busy
# timeout that production has (in memory, a second writer fails at once with "table is locked").
if "sqlite" in DATABASES["default"]["ENGINE"]:  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(os.environ["SCIATICA_COACH_DATA_DIR"], "test.sqlite3")
    }

# Tasks run at once, inside the test that queued them; the scale test runs a real worker.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
