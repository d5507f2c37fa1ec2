"""Settings shared by every environment.

Safe by default: DEBUG is off and nothing secret lives here. Everything that differs between
installations is read from the environment (see the README for the full list).
"""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from csp import constants as csp_constants

from security.inline import CLASS_SWITCH, csp_hash

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    """A yes/no environment variable: 1, true, yes or on (any case) mean yes."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in ("1", "true", "yes", "on")


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

# Third-party apps of the security block below (django-axes, django-otp, django-csp).
SECURITY_APPS = ["axes", "django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static", "csp"]

INSTALLED_APPS = [
    "cms",
    "directory",
    "strategies",
    "cases",
    "search",
    "api",
    "corsheaders",
    "participation",
    "security",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.humanize",  # its Danish catalogue: Wagtail writes "for 2 minutter siden" with naturaltime
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    *SECURITY_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "security.middleware.ContentSecurityPolicyMiddleware",
    "security.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.middleware.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "security.middleware.AdminAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "cms.urls"

# Open data (the api app): anyone may read the API, the downloads and the catalogue from a browser
# on another site; nothing else is shared across origins, and no credentials ever are.
CORS_URLS_REGEX = r"^/(api/v1|data)/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link"]
CORS_PREFLIGHT_MAX_AGE = 86400
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, or an SQLite file in the project folder.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite keeps no connection pool worth reusing; WAL lets the dev server read while a
    # command writes.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise memory local to the process. Each Redis call
# waits at most REDIS_TIMEOUT seconds; while Redis is closed or silent the cache answers as an
# empty cache and logs one warning a minute (cms/cache.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "gronne-partnerskaber"),
            "TIMEOUT": 300,
            "OPTIONS": {
                "socket_timeout": REDIS_TIMEOUT,
                "socket_connect_timeout": REDIS_TIMEOUT,
                "health_check_interval": 30,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache in front of the site (Varnish in deploy/): FRONTEND_CACHE_URL is its address,
# for purging on publish (cms/frontend_cache.py). Cache-Control lifetimes: cms/middleware.py.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
WAGTAILFRONTENDCACHE = (
    {"varnish": {"BACKEND": "cms.frontend_cache.VarnishBackend", "LOCATION": FRONTEND_CACHE_URL, "TIMEOUT": 2}}
    if FRONTEND_CACHE_URL
    else {}
)
FRONTEND_CACHE_SITEWIDE_MODELS = [
    "cms.Theme",
    "cms.Region",
    "cms.Municipality",
    "cms.Organisation",
    "cms.Person",
    "directory.Organisation",
    "directory.Person",
    "wagtailcore.Site",
    "wagtailimages.Image",
    "wagtailredirects.Redirect",
    "wagtailsearchpromotions.SearchPromotion",
]
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "30"))
# Seconds a visitor is asked to wait (Retry-After) while the database is unavailable.
DATABASE_RETRY_AFTER = int(os.environ.get("DATABASE_RETRY_AFTER", "30"))

# E-mail: workflow notifications and password resets. A failed send is logged as an error by
# Wagtail ("wagtail.admin") and Django ("django.contrib.auth").
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Grønne partnerskaber <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language: Danish first, English second. Danish URLs carry no prefix; English ones start
# with /en/. Page content is written in Danish; the site's own strings are translated.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
# The project's own English catalogue first, then the Danish catalogue for the admin: Wagtail's,
# Django's and taggit's strings in the project's vocabulary (docs/admin-glossary.md), overriding
# the packages' own incomplete Danish. `make admin-messages-check` lists what is missing.
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "admin_locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# Static files are served by the app itself through WhiteNoise; no CDN.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Grønne partnerskaber"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_forms.LoginForm"  # labels the password field (see the class)
# Documents always go through Wagtail's serve view, so privacy and collection rules hold; the
# front never serves /media/documents/ itself.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Wagtail's own search backend, used by the admin. On PostgreSQL it ranks with the Danish
# text search configuration; on SQLite Wagtail uses FTS5.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        **({"SEARCH_CONFIG": "danish"} if DATABASE_IS_POSTGRES else {}),
    }
}

# Optional Elasticsearch cluster for the public search (see the search app).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "gronne-partnerskaber-search")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
# Seconds the public search goes straight to the database after Elasticsearch failed (circuit breaker).
ELASTICSEARCH_COOLDOWN = float(os.environ.get("ELASTICSEARCH_COOLDOWN", "30"))

# Themes are a curated list: the tag field offers existing themes, editors add new ones as
# snippets. Unicode slugs keep æ, ø and å.
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = False

# Logs go to stderr: as text, or one JSON object a line for a log collector (LOG_FORMAT=json).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d: %(message)s"},
        "json": {"()": "cms.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json" if LOG_FORMAT == "json" else "text"},
        "security": {"class": "logging.StreamHandler", "formatter": "json" if LOG_FORMAT == "json" else "text"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Logins, failed logins, logouts, lockouts and second-factor events (security.audit), with time.
    "loggers": {
        "security.auth": {
            "handlers": ["security"],
            "level": os.environ.get("SECURITY_LOG_LEVEL", "INFO"),
            "propagate": False,
        }
    },
}

# ---------------------------------------------------------------------------------------------
# Security (issue 11; docs/security.md). Everything that carries security is in this block, so it
# can be read and reviewed in one place. production.py adds the HTTPS-only settings.
# ---------------------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail sets SAMEORIGIN on its own preview views
SESSION_COOKIE_HTTPONLY = True

# Taking part (the participation app): e-mails, forms and how long personal data is kept.
# EMAIL_HOST, EMAIL_PORT, DEFAULT_FROM_EMAIL etc. are Django's standard e-mail settings.
PARTICIPATION_NOTIFY_EMAILS = env_list("PARTICIPATION_NOTIFY_EMAILS")  # empty: the KL editors' own addresses
PARTICIPATION_RATE_LIMIT = (10, 60 * 60)  # submissions per IP address and form, per window in seconds
PARTICIPATION_FORM_MAX_AGE = 2 * 60 * 60  # seconds a form page stays valid before it must be reloaded
PARTICIPATION_CONFIRM_MAX_AGE = 7 * 24 * 60 * 60  # seconds a subscription confirmation link holds
PARTICIPATION_LINK_MAX_AGE = 400 * 24 * 60 * 60  # seconds a personal registration link holds
PARTICIPATION_RETENTION = {
    "registrations_days_after_event": 90,
    "unconfirmed_subscriptions_days": 7,
    "rejected_applications_days": 90,
    "membership_years_after_year": 5,
}
# Only editors have sessions (visitors get no cookies): one working day, then log in again.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# The front-end login (/_util/login/) without ?next= goes to the admin, not /accounts/profile/.
LOGIN_REDIRECT_URL = "wagtailadmin_home"
LOGOUT_REDIRECT_URL = "/"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures for one user name, or from one
# address, further attempts are refused for AXES_COOLOFF_TIME hours. Administrators see and lift
# lockouts under Indstillinger › Spærrede logins (and in /django-admin/). Page password forms are
# throttled per address and page by security.throttle.
AUTHENTICATION_BACKENDS = [
    "security.backends.RequestAxesBackend",  # django-axes; see security/backends.py
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "security.throttle.lockout_response"  # the Danish page, status 429
AXES_CLIENT_IP_CALLABLE = "security.network.client_ip"
AXES_VERBOSE = False  # security.audit writes one line per event instead
# How many proxies (nginx, load balancer) put their address in X-Forwarded-For in front of the
# app. 0: the client's address is REMOTE_ADDR. Used for throttling and the login log.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
PAGE_PASSWORD_FAILURE_LIMIT = 5
PAGE_PASSWORD_COOLOFF_SECONDS = 30 * 60

# Second factor (django-otp, TOTP with static recovery codes): required for superusers and
# KL editors in the admin and /django-admin/; offered to municipal editors (once set up, required).
OTP_ENFORCED = True
OTP_TOTP_ISSUER = "Grønne partnerskaber"
OTP_REQUIRED_GROUPS = ["KL-redaktører"]
OTP_RECOVERY_CODE_COUNT = 10

# Content-Security-Policy (django-csp 4). The public site: no eval'd script and one inline script,
# allowed by its hash so that pages Varnish keeps carry no nonce (security.inline; JSON-LD is data,
# which CSP does not block), nothing framed. The Wagtail admin needs inline script and style, so it gets
# its own enforced policy with those, and the strict policy as report-only (security.middleware).
_CSP_EMBED_FRAMES = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", csp_hash(CLASS_SWITCH)],
        "style-src": ["'self'", csp_constants.NONCE],  # the nonce: the self-contained 500 and 503 pages, never cached
        # Bar widths in the action plan's progress chart are style attributes computed on the server.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": _CSP_EMBED_FRAMES,
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
CSP_ADMIN_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_CSP_EMBED_FRAMES],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    }
}
CSP_ADMIN_REPORT_ONLY_POLICY = {
    "DIRECTIVES": {
        **CSP_ADMIN_POLICY["DIRECTIVES"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
    }
}
# Paths under the admin's policy.
CSP_ADMIN_PREFIXES = ["/admin/", "/django-admin/"]
# Browser features no page here uses.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)

# Wagtail hygiene: no Gravatar (an MD5 of each editor's e-mail to a third party), no update check
# from editors' browsers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Image uploads: every image is fully decoded with Pillow before it is stored
# (security.forms.SafeImageForm); a pixel limit keeps renditions affordable.
WAGTAILIMAGES_IMAGE_FORM_BASE = "security.forms.SafeImageForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
