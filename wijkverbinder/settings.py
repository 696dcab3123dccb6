"""Settings for Wijkverbinder, read from the environment.

One module for every deployment. Production sets its values in the server's environment. The one
way into development mode is a local `.env` file (written by `make run`, never committed), which
fills in what the environment does not set. Tests use `tests/settings.py`.
"""

import datetime
import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent

# Development values for a developer's checkout; variables set in the environment win.
load_dotenv(BASE_DIR / ".env")


def env_bool(name, *, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, *, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    # Every command refuses to start without a key, debug or not: a server must never fall back
    # to development settings because a variable went missing.
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. On a server, set it in the environment. For local "
        "development, run `make run` once: it writes a .env file with development values."
    )

# The national site's host names. A gemeente's own host names are rows (gemeenten.Host), so an
# editor adds one without a restart: Django's own host check lets every host through, and
# gemeenten.local.HostMiddleware, first of all middleware, answers any other host with a 400.
SITE_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
ALLOWED_HOSTS = ["*"]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "modeltranslation",  # before django.contrib.admin, as modeltranslation requires
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # full-text search on PostgreSQL; harmless on SQLite
    "django_htmx",
    "reversion",  # revisions of every content save (README, Safe editing)
    "axes",  # login throttling
    # Two-factor sign-in for the admin: codes from an authenticator app, and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The project's apps, from the ground floor up: each may import only those above it in this
    # list (README, Architecture; tests/test_architecture.py holds the order).
    "core",
    "pagecache",
    "signin",
    "editing",
    "gemeenten",
    "pages",
    "phases",
    "contacts",
    "activities",
    "examples",
    "library",
    "wijkscan",
    "buurtoverleg",
    "search",
    "content",
]

MIDDLEWARE = [
    # Behind a proxy, X-Forwarded-Proto counts only from a trusted proxy (DJANGO_TRUSTED_PROXIES).
    "core.net.ProxyHeadersFromTrustedProxiesOnly",
    # The host check (national or a gemeente's) before anything reads the host.
    "gemeenten.local.HostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Outside the page cache, so cached pages get every security header too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the query string: utm_* and click ids never reach the site.
    "core.tracking.DropTrackingParametersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A NUL in the query string is a styled 400 in the page's language, before any view reads it.
    "core.query_strings.RejectNulQueryStringMiddleware",
    "editing.slugs.OldSlugRedirectMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Serves pages stored by @public_page; everything below it is skipped for them.
    "pagecache.pages.PageCacheMiddleware",
    # At most LOGIN_CONCURRENCY password checks at once per host (editing/logins.py).
    "editing.logins.LoginConcurrencyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second factor, if any, this session's login passed (django-otp)...
    "django_otp.middleware.OTPMiddleware",
    # ...and a session that owes one is logged out (signin/middleware.py).
    "signin.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "editing.preview.PreviewMiddleware",
    # Last, as django-axes requires: it answers a locked-out login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wijkverbinder.urls"
WSGI_APPLICATION = "wijkverbinder.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijkverbinder.context_processors.site",
                "gemeenten.local.context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers write at once (a share form, a buurtoverleg, a rate limit): each
    # transaction takes the write lock when it begins and waits its turn for up to 20 s, instead
    # of failing with "database is locked" when it turns from reading to writing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first, so a locked-out login never reaches the next
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch at /, English under /en/ (i18n_patterns with prefix_default_language=False).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "wijkverbinder" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_LANGUAGES = ("nl", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Files drawn at build time (the phases' link-preview images: `manage.py og_images`); not in git.
GENERATED_STATIC_DIR = BASE_DIR / "generated_static"
STATICFILES_DIRS = [BASE_DIR / "static", GENERATED_STATIC_DIR]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "DJANGO_STATICFILES_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# Where `make backup` writes copies of the database, and a restore its copy of the one it replaces.
BACKUP_DIR = Path(os.environ.get("DJANGO_BACKUP_DIR", BASE_DIR / "backups"))

# A buurtoverleg is deleted this many days after its last change (manage.py expirebuurtoverleggen).
BUURTOVERLEG_RETENTION_DAYS = int(os.environ.get("BUURTOVERLEG_RETENTION_DAYS", "365"))

# The public site's own name, used in titles and link previews.
SITE_NAME = "Wijkverbinder"
# Who runs the site and how to reach them, shown on the contact page. Without an address the page
# names the security contact of security.txt (SECURITY_CONTACT); `check --deploy` warns when
# neither is set (pages/checks.py).
CONTACT_EMAIL = os.environ.get("DJANGO_CONTACT_EMAIL", "").strip()
CONTACT_ORGANISATION = os.environ.get("DJANGO_CONTACT_ORGANISATION", "").strip()

# Security. HTTPS settings follow DEBUG so `check --deploy` is clean in production while
# `make run` works over plain HTTP.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=not DEBUG)
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The addresses (or networks, e.g. 10.0.0.0/24) of the proxies whose X-Forwarded-For and
# X-Forwarded-Proto are believed, with BEHIND_PROXY on: from any other peer they are ignored
# (core.net.client_ip, core.net.ProxyHeadersFromTrustedProxiesOnly).
# gunicorn.conf.py gives the same list to gunicorn's forwarded_allow_ips.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"DJANGO_TRUSTED_PROXIES: {_proxy!r} is no IP address or network (e.g. 10.0.0.2 or "
            "10.0.0.0/24); host names are not looked up."
        ) from None

# Login throttling (django-axes): 5 failed logins for one username from one address lock that
# pair out for 15 minutes. The address is REMOTE_ADDR, or from a trusted proxy the one it reports.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.net.client_ip"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
# A wrong code is a failed login too (signin/views.py); what was typed is never stored.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]

# Two-factor sign-in (README, "Signing in"): everyone who may use the admin (staff, so the
# Redacteur group, and superusers) signs in with a password and then a code from an authenticator
# app or a recovery code. On by default on a server, off by default in development.
ADMIN_TWO_FACTOR = env_bool("DJANGO_ADMIN_2FA", default=not DEBUG)
# The name an authenticator app shows next to the codes.
OTP_TOTP_ISSUER = "Wijkverbinder"
# The admin's device pages never show a secret key or its QR code.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Content-Security-Policy: no inline script or style anywhere, only our own files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "without_traceback": {"()": "core.logfilters.WithoutTraceback"},
        "database_unavailable": {"()": "core.logfilters.DatabaseUnavailableInOneLine"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    # A bad Host header or too many query fields is the client's mistake: one line, no traceback.
    "loggers": {
        # A request answered 503 because the database is down: one line each.
        "django.request": {"filters": ["database_unavailable"]},
        **{
            f"django.security.{name}": {"filters": ["without_traceback"]}
            for name in (
                "DisallowedHost",
                "TooManyFieldsSent",
                "TooManyFilesSent",
                "RequestDataTooBig",
                "SuspiciousOperation",
            )
        },
    },
}

# --- Performance: page cache, content version, health, security.txt (README, "Performance") ---
# The content, in one list: what editors edit, what `exportcontent` writes and `seed` loads (one
# fixture file per key, in dependency order), and what, when saved, moves the content version on
# (pagecache.version), which every cache key and ETag holds.
CONTENT_MODELS = {
    "pages": ["pages.sitepage"],
    "phases": ["phases.phase"],
    "wijkscan": ["wijkscan.scanquestion", "wijkscan.scananswer", "wijkscan.scanweight"],
    "library": ["library.publication"],
    "activities": [
        "activities.bindingrung",
        "activities.activitytype",
        "activities.guidance",
        "activities.tip",
    ],
    "examples": ["examples.dividingline", "examples.setting", "examples.practiceexample"],
    "buurtoverleg": ["buurtoverleg.participantrole"],
    # The local layer: gemeenten with their host names, and contacts (the national ones seeded).
    "contacts": ["gemeenten.gemeente", "gemeenten.host", "contacts.contact"],
    "search": ["search.relatedterm"],
}
# Local memory per process by default; with REDIS_URL one Redis shared by every app server.
# Pages and shared objects have a cache of their own ("pages"): anyone can make new page keys
# (any query string), and their churn must never push out the counters kept in "default" (the
# share form's limit per address).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "TIMEOUT": 3600,
        # A Redis that does not answer must slow a page down a little, not stall it.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": "wv"},
        "pages": {**_redis, "KEY_PREFIX": "wv-pages"},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "default",
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 1000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 1000},
        },
    }
PAGE_CACHE_ALIAS = "pages"
# Off in development, where a template edit must show without a restart.
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", default=not DEBUG)
# Rendered pieces of pages (pagecache/templatetags/pieces.py), kept in each process.
PIECE_CACHE_ENABLED = PAGE_CACHE_ENABLED
# A page that reads a header outside its key, or a piece given a value no key can be made of, is
# an error (tests) instead of a logged page that is not cached.
PAGE_CACHE_STRICT = env_bool("DJANGO_PAGE_CACHE_STRICT", default=False)
# The load balancer asks /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Password checks at once per machine, and how long an attempt waits for a free slot.
LOGIN_CONCURRENCY = int(os.environ.get("DJANGO_LOGIN_CONCURRENCY", "1"))
LOGIN_WAIT = float(os.environ.get("DJANGO_LOGIN_WAIT", "0.5"))
# Turn off every browser feature the site never uses. Only features browsers know: Chromium logs a
# warning on every page for a name it does not recognise (it did for "bluetooth"), and
# tests/browser/test_console.py fails on any console message.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# /.well-known/security.txt (RFC 9116): who to tell about a vulnerability, comma-separated
# mailto: or https: addresses; without it the file is not served.
SECURITY_CONTACT = env_list("DJANGO_SECURITY_CONTACT", default=[])
# An ISO date such as 2027-06-30; by default one year from the day the file is served.
SECURITY_TXT_EXPIRES = os.environ.get("DJANGO_SECURITY_TXT_EXPIRES", "")
