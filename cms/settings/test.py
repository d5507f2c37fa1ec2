"""Test runs: fast hashing, local memory cache, no manifest needed for static files."""

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]
TESTING = True
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests that are not about the second factor log editors in with force_login; the security tests
# (security/tests/) switch enforcement on and log in with a TOTP code they compute.
OTP_ENFORCED = False
