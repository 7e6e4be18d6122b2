"""Settings for giaoban: one file, read from the environment.

Every value comes from an environment variable with a safe default for a
single-machine install (SQLite under var/, served on 127.0.0.1). Bad values
raise ImproperlyConfigured at start-up rather than misbehaving later.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_secret(name: str, default: str = "") -> str:
    """A secret from NAME, or from the file named by NAME_FILE (systemd credentials, Docker
    secrets, a root-owned file): the value then never appears in the process environment."""
    value = os.environ.get(name, "")
    path = os.environ.get(f"{name}_FILE", "")
    if value and path:
        raise ImproperlyConfigured(f"Set {name} or {name}_FILE, not both")
    if not path:
        return value or default
    try:
        # one trailing newline (as editors and `echo` write it) is not part of the secret
        return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise ImproperlyConfigured(f"{name}_FILE: cannot read {path}: {exc.strerror}") from None


def installation_key(path: Path) -> str:
    """The secret key of this installation, generated on first use (mode 0600).

    Only for the console (``giaoban run`` on 127.0.0.1, management commands) and the tests:
    the production entry point (giaoban.wsgi) refuses to start without GIAOBAN_SECRET_KEY.
    """
    try:
        key = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key = ""
    if key:
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return installation_key(path)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key + "\n")
    return key


VAR_DIR = Path(env_str("GIAOBAN_VAR_DIR", str(PROJECT_DIR / "var")))
DEBUG = env_bool("GIAOBAN_DEBUG", False)
SECRET_KEY = env_secret("GIAOBAN_SECRET_KEY")
if not SECRET_KEY:
    # giaoban/cli.py (the console) and the tests set GIAOBAN_INSTALLATION_KEY; the web server
    # (gunicorn giaoban.wsgi) does not, so a production server never signs with a key that
    # nobody chose. There is no key in the repository.
    if env_bool("GIAOBAN_INSTALLATION_KEY", False):
        SECRET_KEY = installation_key(VAR_DIR / "secret_key")
    else:
        raise ImproperlyConfigured(
            "GIAOBAN_SECRET_KEY (or GIAOBAN_SECRET_KEY_FILE) must be set: see docs/deploy.md"
        )
elif len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("GIAOBAN_SECRET_KEY must be at least 32 characters long")

ALLOWED_HOSTS = env_list("GIAOBAN_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("GIAOBAN_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "axes",  # login throttling and lockout
    "ninja",  # serves Swagger UI from its own static files (no CDN)
    "giaoban.core",
    "giaoban.accounts",
    "giaoban.org",
    "giaoban.tasks",
    "giaoban.documents",
    "giaoban.meetings",
    "giaoban.dashboard",
    "giaoban.reports",
    "giaoban.recommendations",
    "giaoban.api",
    "giaoban.demo",  # giaoban demo / giaoban run
    "giaoban.notifications",  # follow-up: outbox, reminder rules, digests, `giaoban remind`
    "giaoban.evidence",  # the leader's desk, ranking of units, rating evidence
    "giaoban.search",  # one search across every kind of record
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # an oversized body is refused before it is read, with the app's own page (core/limits.py)
    "giaoban.core.limits.RequestSizeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out login with its own page
    # a temporary password must be changed before anything else (accounts/middleware.py)
    "giaoban.accounts.middleware.ForcePasswordChangeMiddleware",
    # a GET on an act's URL: the app's own page with a link back, not an empty 405 (core/methods.py)
    "giaoban.core.methods.MethodNotAllowedPageMiddleware",
]

ROOT_URLCONF = "giaoban.urls"
WSGI_APPLICATION = "giaoban.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "giaoban.core.context_processors.scope",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'giaoban.sqlite3'}")
try:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("GIAOBAN_CONN_MAX_AGE", 60))
except Exception as exc:  # dj_database_url raises several types on bad URLs
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
if _db["ENGINE"] == "django.db.backends.sqlite3":
    if _db["NAME"] not in ("", ":memory:"):
        Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    _db["CONN_MAX_AGE"] = 0
    _db["OPTIONS"] = {
        # WAL lets readers run while one writer commits; IMMEDIATE avoids
        # "database is locked" on write upgrades inside transactions.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
_db_password = env_secret("GIAOBAN_DATABASE_PASSWORD")
if _db_password:  # kept out of DATABASE_URL (and so out of `ps` and logs)
    _db["PASSWORD"] = _db_password
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out user or address
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (django-axes): after GIAOBAN_LOGIN_FAILURES failed sign-ins for one user
# name, or from one address, further attempts are refused for GIAOBAN_LOGIN_LOCKOUT_MINUTES.
# An administrator unlocks earlier in admin (Axes > Access attempts: delete), audited.
AXES_FAILURE_LIMIT = env_int("GIAOBAN_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = env_int("GIAOBAN_LOGIN_LOCKOUT_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# behind nginx every request comes from 127.0.0.1: the client is the address nginx saw
AXES_CLIENT_IP_CALLABLE = "giaoban.accounts.security.client_ip"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
# Each app may keep its own catalogue in <app>/locale (makemessages writes an app's strings
# there); the project catalogue comes last because its folder contains every app.
LOCALE_PATHS = sorted(BASE_DIR.glob("*/locale")) + [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
FORMAT_MODULE_PATH = ["giaoban.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("GIAOBAN_STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
try:  # WhiteNoise warns on every start when the collectstatic folder does not exist yet
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
except OSError:
    pass
WHITENOISE_USE_FINDERS = True  # serve straight from the source tree without collectstatic
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("GIAOBAN_MEDIA_ROOT", str(VAR_DIR / "media")))
# attached files: written under a temporary name, moved into place when the transaction commits
STORAGES = {
    "default": {"BACKEND": "giaoban.core.storage.CommitStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# giaoban cleanfiles: temporary and unreferenced files younger than this are left alone
GIAOBAN_CLEANFILES_GRACE_SECONDS = env_int("GIAOBAN_CLEANFILES_GRACE_HOURS", 24) * 3600
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# API lists: at most this many rows a request (the OpenAPI document states the maximum)
NINJA_PAGINATION_MAX_LIMIT = env_int("GIAOBAN_API_MAX_LIMIT", 500)
# accounts: may a committee's office manage its units' accounts (the administrator always may)
GIAOBAN_OFFICE_MANAGES_USERS = env_bool("GIAOBAN_OFFICE_MANAGES_USERS", True)
GIAOBAN_MAX_ATTACHMENT_BYTES = env_int("GIAOBAN_MAX_ATTACHMENT_BYTES", 20 * 1024 * 1024)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("GIAOBAN_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"

# Behind a TLS front (nginx, docs/deploy.md): redirect http to https, HSTS, and trust the
# proxy's X-Forwarded-Proto header. Off by default: `make run` serves plain http on 127.0.0.1.
SECURE_SSL_REDIRECT = env_bool("GIAOBAN_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("GIAOBAN_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("GIAOBAN_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("GIAOBAN_HSTS_PRELOAD", False)
GIAOBAN_BEHIND_TLS_PROXY = env_bool("GIAOBAN_BEHIND_TLS_PROXY", False)
if GIAOBAN_BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): scripts only from our own static files, no inline
# script anywhere (pages pass data as JSON blocks read by static scripts), nothing from
# another origin. Inline style attributes stay allowed (progress bars, Swagger UI's widgets).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("GIAOBAN_LOG_LEVEL", "WARNING")},
}

NINJA_PAGINATION_PER_PAGE = 50

# Cache for read-heavy aggregates (dashboard counts), invalidated on every audited change
# (giaoban/core/cache.py). "file" is shared by the processes of one host; "locmem" is per
# process (tests, single process); "none" disables it. Several hosts: configure Redis here.
_cache_kind = env_str("GIAOBAN_CACHE", "file")
if _cache_kind == "file":
    CACHES = {
        "default": {
            "BACKEND": "giaoban.core.filecache.FastFileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }
elif _cache_kind == "locmem":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif _cache_kind == "none":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    raise ImproperlyConfigured(f"GIAOBAN_CACHE must be file, locmem or none, got {_cache_kind!r}")
GIAOBAN_AGGREGATE_CACHE_SECONDS = env_int("GIAOBAN_AGGREGATE_CACHE_SECONDS", 300)

# Reporting periods (Nghị định 09/2019/NĐ-CP by default): data cut-off day of the
# month and the report due date as working days after the cut-off.
GIAOBAN_REPORT_CUTOFF_DAY = env_int("GIAOBAN_REPORT_CUTOFF_DAY", 14)
GIAOBAN_REPORT_DUE_WORKING_DAYS = env_int("GIAOBAN_REPORT_DUE_WORKING_DAYS", 5)
if not 1 <= GIAOBAN_REPORT_CUTOFF_DAY <= 31:
    raise ImproperlyConfigured("GIAOBAN_REPORT_CUTOFF_DAY must be between 1 and 31")

# E-mail (the notification digests). By default messages are written as files under
# var/mail/ so a new install can read them; GIAOBAN_EMAIL=smtp sends through the server below.
_email_kind = env_str("GIAOBAN_EMAIL", "file")
if _email_kind == "file":
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
elif _email_kind == "smtp":
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
elif _email_kind == "console":
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    raise ImproperlyConfigured(f"GIAOBAN_EMAIL must be file, smtp or console, got {_email_kind!r}")
EMAIL_HOST = env_str("GIAOBAN_SMTP_HOST", "localhost")
EMAIL_PORT = env_int("GIAOBAN_SMTP_PORT", 25)
EMAIL_HOST_USER = env_str("GIAOBAN_SMTP_USER", "")
# the SMTP password may come from a file instead (GIAOBAN_SMTP_PASSWORD_FILE)
EMAIL_HOST_PASSWORD = env_secret("GIAOBAN_SMTP_PASSWORD")
EMAIL_USE_TLS = env_bool("GIAOBAN_SMTP_STARTTLS", False)
EMAIL_USE_SSL = env_bool("GIAOBAN_SMTP_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("GIAOBAN_SMTP_STARTTLS and GIAOBAN_SMTP_SSL exclude each other")
EMAIL_TIMEOUT = env_int("GIAOBAN_SMTP_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("GIAOBAN_EMAIL_FROM", "giaoban <giaoban@localhost>")
GIAOBAN_EMAIL_DOMAIN = env_str("GIAOBAN_EMAIL_DOMAIN", "giaoban.localhost")
#: the address people open giaoban at, for the links in e-mails and calendar feeds
GIAOBAN_BASE_URL = env_str("GIAOBAN_BASE_URL", "http://127.0.0.1:8000")
# Roll-up counts of a task ("63/89 units done") are the committee's: shown to its office,
# leaders and administrators. True publishes them to the unit users as well.
GIAOBAN_PUBLISH_ROLLUP = env_bool("GIAOBAN_PUBLISH_ROLLUP", False)

# Bearer tokens: after GIAOBAN_TOKEN_FAILURES wrong tokens from one address, the API answers
# 429 to that address for GIAOBAN_TOKEN_LOCKOUT_MINUTES (guessing is pointless anyway with
# 256-bit tokens; this keeps a misconfigured script from hammering the database).
GIAOBAN_TOKEN_FAILURES = env_int("GIAOBAN_TOKEN_FAILURES", 20)
GIAOBAN_TOKEN_LOCKOUT_MINUTES = env_int("GIAOBAN_TOKEN_LOCKOUT_MINUTES", 15)
# An API token expires this many days after it is issued (0: never), unless its owner chooses
# another length, up to GIAOBAN_TOKEN_MAX_DAYS. An expired token is answered 401.
GIAOBAN_TOKEN_DAYS = env_int("GIAOBAN_TOKEN_DAYS", 90)
GIAOBAN_TOKEN_MAX_DAYS = env_int("GIAOBAN_TOKEN_MAX_DAYS", 365)
