"""Settings for the Sciatica Coach web app, read from the environment with safe defaults.

The embedded mode (no environment at all) is SQLite in the user's data folder, DEBUG off, the
console e-mail backend. ``DATABASE_URL`` switches to PostgreSQL; ``SCIATICA_COACH_HTTPS=1`` turns
on the settings ``manage.py check --deploy`` asks for behind TLS.
"""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from whitenoise.compress import Compressor  # type: ignore[import-untyped]

from sciatica_coach.web.env import (
    data_dir,
    env_bool,
    env_int,
    env_list,
    env_str,
    secret_key,
)

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()

SECRET_KEY = secret_key(DATA_DIR)
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "sciatica_coach.web",
    "sciatica_coach.accounts",
    "sciatica_coach.program",
    "sciatica_coach.education",
    "sciatica_coach.questionnaires",
    "sciatica_coach.progress",
    "sciatica_coach.mydata",
    "sciatica_coach.offline",
    "sciatica_coach.reports",
    "sciatica_coach.relief",
    "sciatica_coach.reminders",
    "sciatica_coach.clinic",
    "ninja",
    "sciatica_coach.api",
    "django_tasks_db",
    "sciatica_coach.coach",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "sciatica_coach.web.urls"
WSGI_APPLICATION = "sciatica_coach.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite: WAL lets readers run beside a writer; IMMEDIATE takes the write lock at BEGIN, which is
# what stops "database is locked" under concurrent writers (measured, see shared RECIPES).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
    ),
}
_database_url = env_str("DATABASE_URL")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=600)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "db.sqlite3"),
            "OPTIONS": SQLITE_OPTIONS,
            # Reusing the connection skips re-running the PRAGMAs on every request.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
        }
    }
# The cache holds stored copies keyed by what they depend on (Today's page by person and profile
# version, a plan's parts by plan id) and the API's per-token call counts. One process: a memory
# cache per process. Several app servers: REDIS_URL puts it in Redis, shared by all, so a copy
# one server stored is the copy the other serves and a token's limit holds across servers. Redis
# then holds personal pages: keep it on a private network, with a password in the URL.
_redis_url = env_str("REDIS_URL")
if _redis_url:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": "sciatica",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = ["sciatica_coach.accounts.backends.UserByPrimaryKeyBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "home"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# `serve` collects static files (with pre-compressed copies) on every start; before that, finders
# let tests and a fresh checkout serve them straight from the apps. Finders would shadow the
# compressed copies, so they are used only when nothing has been collected.
WHITENOISE_USE_FINDERS = not any(STATIC_ROOT.iterdir())
# The camera coach's pose model (coach/static/coach/vendor/) is 27 MB of binaries: compressing
# them took almost two minutes a start before static files were compressed once, and would still
# make a fresh start that slow. Its WebAssembly and model ship gzipped already (.wasm.gz,
# .task.gz, made by `make vendor-mediapipe`; whitenoise serves them).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (
    *Compressor.SKIP_COMPRESS_EXTENSIONS,
    *("wasm", "task"),
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "sciatica_coach.web.static_storage.CompressOnceStaticFilesStorage"},
}

EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Sciatica Coach <coach@localhost>")
# Links in e-mails (reminders) need the public address; requests know it, background tasks don't.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# Background tasks (django.tasks): reminder e-mails, the password-reset e-mail, PDF reports.
# They are rows in the database (django-tasks-db), run by `sciatica-coach worker`, which `serve`
# starts beside gunicorn unless given --no-worker: on SQLite and on PostgreSQL alike, and a task
# queued by any app server is run once. The worker also queues due reminders every
# REMINDER_SWEEP_S seconds. (The tests run tasks at once, in the test, with the immediate backend.)
TASKS = {
    "default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")},
}
REMINDER_SWEEP_S = env_int("REMINDER_SWEEP_S", 5 * 60)

# Strict CSP: everything from our own origin, no inline script or style anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
CSRF_FAILURE_VIEW = "sciatica_coach.web.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if env_bool("SCIATICA_COACH_HTTPS", False):
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# The API (sciatica_coach.api): sign-up through it can be turned off; calls per token a minute.
API_SIGNUP_ENABLED = env_bool("API_SIGNUP_ENABLED", True)
API_RATE_PER_MINUTE = env_int("API_RATE_PER_MINUTE", 120)

# ---------------------------------------------------------------------------------------------
# Hardening (issue 8): sessions, lockout, mail, the watched database. Kept together, after
# everything else, so that other changes to the settings above merge without touching it.
# ---------------------------------------------------------------------------------------------

# Sessions are rows on the server, so logout, a password change, deletion and "log out
# everywhere" end them at once (a signed cookie could not be ended). The one switch for a
# shared cache in front of them is SESSION_STORE_CACHED: on by default with REDIS_URL (reads from
# Redis, writes through to the rows, which keep the per-account index); never with the
# per-process memory cache, where a session ended in one worker would live on in another.
SESSION_ENGINE = "sciatica_coach.accounts.session_store"
SESSION_STORE_CACHED = env_bool("SESSION_STORE_CACHED", bool(_redis_url))
SESSION_CACHE_ALIAS = "default"
# A session ends after this long without a request, and in any case this long after login.
SESSION_IDLE_LIFETIME_S = env_int("SESSION_IDLE_LIFETIME_S", 7 * 24 * 60 * 60)
SESSION_ABSOLUTE_LIFETIME_S = env_int("SESSION_ABSOLUTE_LIFETIME_S", 30 * 24 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME_S
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "sciatica_coach.accounts.sessions.SessionLifetimeMiddleware",
)

# Writes are refused with 503 when the SQLite file has vanished under the server, and an
# unreachable database answers 503 (try again), not 500. Early, so nothing writes before it.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "sciatica_coach.web.database_watch.DatabaseWatchMiddleware",
)

# Wrong passwords (at login, password change and account deletion), per account and address:
# after LOGIN_FAILURE_LIMIT within the window, each further try waits 1, 2, 4 ... minutes, up
# to LOGIN_DELAY_MAX_S. Behind reverse proxies, TRUSTED_PROXY_COUNT says how many hops of
# X-Forwarded-For were added by our own proxies (0: use the connection's address).
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW_S = env_int("LOGIN_FAILURE_WINDOW_S", 24 * 60 * 60)
LOGIN_DELAY_MAX_S = env_int("LOGIN_DELAY_MAX_S", 15 * 60)
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# The password-reset e-mail is a task (accounts/tasks.py): the lookup, the token and the SMTP
# conversation happen in the worker, so the reset page answers in the same time whether or not
# the address has an account.

# SQLite: write transactions queue on a kernel lock rather than SQLite's coarse busy-sleeps
# (see web/sqlite_backend/base.py; the p99 of logging a step).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "sciatica_coach.web.sqlite_backend"

# SQLite zeroes what it deletes, so a deleted account leaves no copy of its text in the file
# (mydata.services.database_scrub then checkpoints the write-ahead log away).
SQLITE_OPTIONS["init_command"] += " PRAGMA secure_delete=ON;"

if not EMAIL_HOST and env_bool("SCIATICA_COACH_HTTPS", False):
    # In production an e-mail is never printed: a reset link in a log is a password in a log.
    EMAIL_BACKEND = "sciatica_coach.web.mail.UnsentMailBackend"
