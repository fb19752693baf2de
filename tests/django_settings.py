"""Test settings: the real settings, with a throwaway data directory and a fast password hash."""

import os
import tempfile

os.environ.setdefault("SCIATICA_COACH_DATA_DIR", tempfile.mkdtemp(prefix="sciatica-test-"))

from sciatica_coach.web.settings import *  # noqa: E402, F403
from sciatica_coach.web.settings import PASSWORD_HASHERS as PRODUCTION_HASHERS  # noqa: E402

# Argon2 is deliberately slow; tests hash many passwords. Production keeps Argon2 (tested).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PRODUCTION_HASHERS]
