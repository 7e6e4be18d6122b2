"""Settings for giaoban: one file, read from the environment.

Every value comes from an environment variable with a safe default for a
single-machine install (SQLite under var/, served on 127.0.0.1). Bad values
raise ImproperlyConfigured at start-up rather than misbehaving later.
"""

from __future__ import annotations

import os
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


VAR_DIR = Path(env_str("GIAOBAN_VAR_DIR", str(PROJECT_DIR / "var")))
DEBUG = env_bool("GIAOBAN_DEBUG", False)
SECRET_KEY = os.environ.get("GIAOBAN_SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or env_bool("GIAOBAN_INSECURE_DEV_KEY", True):
        # Local single-user install: a fixed key is acceptable only on 127.0.0.1.
        SECRET_KEY = "giaoban-insecure-development-key-change-me"
    else:
        raise ImproperlyConfigured("GIAOBAN_SECRET_KEY must be set in production")

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
    "ninja",  # serves Swagger UI from its own static files (no CDN)
    "giaoban.core",
    "giaoban.accounts",
    "giaoban.org",
    "giaoban.tasks",
    "giaoban.dashboard",
    "giaoban.api",
    "giaoban.demo",  # giaoban demo / giaoban run
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
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
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
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
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
GIAOBAN_MAX_ATTACHMENT_BYTES = env_int("GIAOBAN_MAX_ATTACHMENT_BYTES", 20 * 1024 * 1024)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("GIAOBAN_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"

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
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
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
