"""Settings for digital_services, read from the environment (django-environ).

One file for every environment. Development mode (``DJANGO_DEBUG=true``) gives
zero-setup defaults: SQLite, a per-checkout secret key, local-memory cache and
emails on the console. Without it, ``SECRET_KEY``, ``DATABASE_URL``,
``ALLOWED_HOSTS`` and ``REDIS_URL`` must be set or start-up stops with a message
naming what is missing. Every variable is documented in ``.env.example``.
"""

from pathlib import Path

import environ
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if env.bool("DJANGO_READ_DOT_ENV", default=False):
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)

REQUIRED_IN_PRODUCTION = ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "REDIS_URL")
if not DEBUG:
    _missing = [name for name in REQUIRED_IN_PRODUCTION if not env.str(name, default="")]
    if _missing:
        raise ImproperlyConfigured(
            "Missing required environment variables: "
            + ", ".join(_missing)
            + ". Set them (see .env.example), or set DJANGO_DEBUG=true for local development."
        )


def _development_secret_key() -> str:
    """A random key kept in .tmp/ so development sessions survive a restart."""
    import secrets

    path = BASE_DIR / ".tmp" / "dev-secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="") or _development_secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# How people reach us off line: printed on every letter (the return address and the
# number to phone), and offered when something cannot be done on line (a card payment
# of an amount the provider cannot take). The address lines are separated by "|".
CONTACT_PHONE = env.str("CONTACT_PHONE", default="020 3334 3555")
CONTACT_POSTAL_ADDRESS = [
    line.strip()
    for line in env.str(
        "CONTACT_POSTAL_ADDRESS", default="Ministry of Justice|102 Petty France|London|SW1H 9AJ"
    ).split("|")
    if line.strip()
]
SERVICE_PHASE = env.str("SERVICE_PHASE", default="beta")

INSTALLED_APPS = [
    "digital_services.core.admin_site.StaffAdminConfig",  # django.contrib.admin, lighter
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "csp",
    "simple_history",
    # The platform
    "digital_services.core",
    "digital_services.accounts",
    "digital_services.audit",
    "digital_services.performance",
    "digital_services.journeys",
    "digital_services.notifications",
    "digital_services.payments",
    "digital_services.documents",
    "digital_services.privacy",
    # Assisted digital and the services
    "assisted_digital",
    "prison_visits",
    "civil_claims",
    "tribunal_fees",
    "lasting_power",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "digital_services.core.locale.StaffPagesInEnglishMiddleware",  # admin, agents' pages
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "digital_services.accounts.middleware.StaffSecondFactorMiddleware",
    "digital_services.accounts.middleware.SignedOutNoticeMiddleware",
    "assisted_digital.middleware.AssistedSessionMiddleware",  # request.assisted_session
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "digital_services.payments.middleware.PaymentAmountMiddleware",  # the too small/large page
]

ROOT_URLCONF = "digital_services.urls"
WSGI_APPLICATION = "digital_services.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "digital_services.core.context_processors.site",
            ],
        },
    },
]

# Database. DATABASE_CONN_MAX_AGE keeps connections open between requests
# (2.5x throughput on PostgreSQL, see shared PERFORMANCE.md).
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis everywhere that serves traffic (rate limits and lockouts must be
# shared between processes); local memory only in development.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Fails open: a Redis outage makes the cache miss instead of raising (see the module).
            "BACKEND": "digital_services.core.cache.FailOpenRedisCache",
            "LOCATION": env.str("CACHE_REDIS_URL", default=REDIS_URL),
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="ds"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery. The broker is Redis; tasks never run inline unless
# CELERY_TASK_ALWAYS_EAGER is set explicitly (make run does, for a server-less demo).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = "Europe/London"
CELERY_BEAT_SCHEDULE: dict = {}  # filled by digital_services.celery from each app's BEAT_SCHEDULE
# Notifications tasks run on their own queue; the worker listens on every queue in
# digital_services.notifications.constants.ALL_QUEUES.
CELERY_TASK_ROUTES = {"notifications.*": {"queue": "notifications"}}

# Users and sign-in
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:your-applications"
LOGOUT_REDIRECT_URL = "core:start"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "MoJ digital services"

# django-axes: lock an account after repeated failures, for a while.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
# The client's address as the rest of the site sees it (TRUSTED_PROXY_COUNT), so a lockout
# is for one account from one address, never for everyone behind the load balancer.
AXES_CLIENT_IP_CALLABLE = "digital_services.audit.http.client_ip_get"

# --- Accounts (digital_services.accounts) ------------------------------------
# GOV.UK wording and crispy-forms-gds rendering for allauth's forms; citizens
# get the citizen role on sign-up; staff cannot switch off their authenticator.
ACCOUNT_ADAPTER = "digital_services.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "digital_services.accounts.forms.LoginForm",
    "signup": "digital_services.accounts.forms.SignupForm",
    "reset_password": "digital_services.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "digital_services.accounts.forms.ResetPasswordKeyForm",
    "change_password": "digital_services.accounts.forms.ChangePasswordForm",
    "set_password": "digital_services.accounts.forms.SetPasswordForm",
    "request_login_code": "digital_services.accounts.forms.RequestLoginCodeForm",
    "confirm_login_code": "digital_services.accounts.forms.ConfirmLoginCodeForm",
    "confirm_email_verification_code": "digital_services.accounts.forms.ConfirmEmailVerificationCodeForm",
    "change_email": "digital_services.accounts.forms.ChangeEmailForm",
    "add_email": "digital_services.accounts.forms.AddEmailForm",
    "reauthenticate": "digital_services.accounts.forms.ReauthenticateForm",
}
MFA_ADAPTER = "digital_services.accounts.mfa_adapter.MFAAdapter"
MFA_FORMS = {
    "authenticate": "digital_services.accounts.forms.MfaAuthenticateForm",
    "reauthenticate": "digital_services.accounts.forms.MfaReauthenticateForm",
    "activate_totp": "digital_services.accounts.forms.ActivateTOTPForm",
}
# allauth calls authenticate(email=..., password=...): tell axes where the account name is.
AXES_USERNAME_CALLABLE = "digital_services.accounts.axes.axes_username_get"
# How long a staff session's second factor (TOTP) counts before staff pages ask again.
ACCOUNTS_STAFF_SECOND_FACTOR_MAX_AGE_SECONDS = int(
    env.float("ACCOUNTS_STAFF_SECOND_FACTOR_MAX_AGE_HOURS", default=12) * 3600
)
# A new staff member's one-time link to set up their authenticator app works this long.
ACCOUNTS_STAFF_ENROLMENT_MAX_AGE_HOURS = env.int(
    "ACCOUNTS_STAFF_ENROLMENT_MAX_AGE_HOURS", default=24
)
# manage.py seed_demo creates demo users with a published password and TOTP secret: development only.
ACCOUNTS_DEMO_USERS = env.bool("ACCOUNTS_DEMO_USERS", default=DEBUG)

# Sessions: signed-in sessions end after inactivity; the page warns first.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=30 * 60)
SESSION_TIMEOUT_WARNING_SECONDS = env.int("SESSION_TIMEOUT_WARNING_SECONDS", default=5 * 60)
SESSION_SAVE_EVERY_REQUEST = True
# Database sessions, saved in one UPDATE (no BEGIN/COMMIT around it): accounts/sessions.py.
SESSION_ENGINE = "digital_services.accounts.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Security headers. Production defaults are strict; development turns HTTPS off.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "digital_services.core.views.csrf_failure"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # django-csp 4 needs its NONCE sentinel; the string "'nonce'" is sent as-is.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
PERMISSIONS_POLICY = {
    "camera": [],
    "geolocation": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# Internationalisation: English and Welsh.
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# GOV.UK-style dates and times in Django's own formatting (admin columns, |date): see the module.
FORMAT_MODULE_PATH = ["digital_services.formats"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files: compiled GOV.UK Frontend in digital_services/static, served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "digital_services" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Letters, receipts, forms and uploads (digital_services.documents): private files,
    # served only by views that check who is asking, never from a public URL. An S3 bucket
    # when DOCUMENTS_S3_BUCKET is set (every deployment: no pod keeps files of its own),
    # else a local directory (`make run`). See "Document storage" in the README.
    "documents": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("DOCUMENTS_S3_BUCKET"),
            # Empty on AWS; the address of moto or MinIO elsewhere.
            "endpoint_url": env.str("DOCUMENTS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("DOCUMENTS_S3_REGION", default="eu-west-2"),
            # Keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the pod's role when unset.
            "location": env.str("DOCUMENTS_S3_PREFIX", default=""),
            "default_acl": None,  # the bucket's own policy: private
            "querystring_auth": True,  # every URL it makes is presigned...
            "querystring_expire": 60,  # ...and short-lived
            "file_overwrite": True,  # names are random UUIDs: no HEAD before each upload
            "signature_version": "s3v4",
            "addressing_style": "path"
            if env.str("DOCUMENTS_S3_ENDPOINT_URL", default="")
            else None,
        },
    }
    if env.str("DOCUMENTS_S3_BUCKET", default="")
    else {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env.path("DOCUMENTS_ROOT", default=BASE_DIR / "documents-store"),
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "digital_services.core.static_files.StaticFilesStorage",
        )
    },
}
if STORAGES["documents"]["BACKEND"] == "storages.backends.s3.S3Storage":
    # No pod writes to its own disk: Django's default storage (a FileField given no storage
    # of its own) is the same private bucket, under "default/".
    _documents_prefix = STORAGES["documents"]["OPTIONS"]["location"]
    STORAGES["default"] = {
        "BACKEND": STORAGES["documents"]["BACKEND"],
        "OPTIONS": {
            **STORAGES["documents"]["OPTIONS"],
            "location": f"{_documents_prefix}/default" if _documents_prefix else "default",
        },
    }
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Downloads: 0 streams each document through the view that checked access; a number of
# seconds (S3 only) redirects to a presigned URL that expires after that many seconds.
DOCUMENTS_PRESIGNED_URL_SECONDS = env.int("DOCUMENTS_PRESIGNED_URL_SECONDS", default=0)
WHITENOISE_USE_FINDERS = DEBUG

# Forms
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Email: the Django backend in development and tests; GOV.UK Notify when NOTIFY_API_KEY is set.
EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@digital.justice.gov.uk")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
NOTIFY_API_KEY = env.str("NOTIFY_API_KEY", default="")
NOTIFY_CALLBACK_TOKEN = env.str("NOTIFY_CALLBACK_TOKEN", default="")

# --- Notifications outbox (digital_services.notifications) ---
# "notify" (GOV.UK Notify) when NOTIFY_API_KEY is set, else "django": email through
# EMAIL_URL, text messages logged (if NOTIFICATIONS_LOG_SMS), letters into print batches.
NOTIFICATIONS_BACKEND = env.str(
    "NOTIFICATIONS_BACKEND", default="notify" if NOTIFY_API_KEY else "django"
)
# Our template keys to Notify template ids: JSON or "key:channel:lang=id,key:lang=id".
NOTIFY_TEMPLATE_IDS = env.str("NOTIFY_TEMPLATE_IDS", default="")
NOTIFY_BASE_URL = env.str("NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")
NOTIFICATIONS_MAX_ATTEMPTS = env.int("NOTIFICATIONS_MAX_ATTEMPTS", default=10)
NOTIFICATIONS_RETRY_BASE_SECONDS = env.int("NOTIFICATIONS_RETRY_BASE_SECONDS", default=30)
NOTIFICATIONS_RETRY_MAX_SECONDS = env.int("NOTIFICATIONS_RETRY_MAX_SECONDS", default=1800)
NOTIFICATIONS_LOG_SMS = env.bool("NOTIFICATIONS_LOG_SMS", default=DEBUG)
NOTIFICATIONS_PREVIEW_ENABLED = env.bool("NOTIFICATIONS_PREVIEW_ENABLED", default=DEBUG)
NOTIFICATIONS_LETTER_FONT = env.str("NOTIFICATIONS_LETTER_FONT", default="")
# The outbox sweep: a queued message this many seconds overdue is queued again (the broker
# was down); one claimed this long ago without an outcome (its worker died) is sent again.
# Keep the second above the delivery task's hard time limit (180 s).
NOTIFICATIONS_SWEEP_CREATED_GRACE_SECONDS = env.int(
    "NOTIFICATIONS_SWEEP_CREATED_GRACE_SECONDS", default=60
)
NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS = env.int(
    "NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS", default=10 * 60
)

# Payments: GOV.UK Pay when GOVUK_PAY_API_KEY is set, the local sandbox otherwise.
GOVUK_PAY_API_KEY = env.str("GOVUK_PAY_API_KEY", default="")
GOVUK_PAY_API_URL = env.str(
    "GOVUK_PAY_API_URL", default="https://publicapi.payments.service.gov.uk"
)
GOVUK_PAY_WEBHOOK_SECRET = env.str("GOVUK_PAY_WEBHOOK_SECRET", default="")
# payments app: seconds before a GOV.UK Pay call counts as failed (and is retried later);
# PAYMENTS_PROVIDER forces "govuk_pay" or "sandbox" (empty: chosen by GOVUK_PAY_API_KEY).
GOVUK_PAY_TIMEOUT_SECONDS = env.float("GOVUK_PAY_TIMEOUT_SECONDS", default=10.0)
PAYMENTS_PROVIDER = env.str("PAYMENTS_PROVIDER", default="")
# The largest card payment the Pay account's payment provider takes, in pence (ask Pay
# for your account's limit; the API's own ceiling is £100,000). Amounts above it, and
# below 30p, get a page saying how else to pay instead of a call to Pay.
PAYMENTS_AMOUNT_MAX_PENCE = env.int("PAYMENTS_AMOUNT_MAX_PENCE", default=10_000_000)

# Audit and performance (digital_services.audit, digital_services.performance).
# How many proxies we run in front of the app; X-Forwarded-For is believed only
# that far (0 = use REMOTE_ADDR). digital_services.audit.http.client_ip_get is the one
# place that reads it: allauth, django-axes, the rate limits and the audit log all use it.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Feedback answers one address may send (django-ratelimit rate, e.g. "30/h").
PERFORMANCE_FEEDBACK_RATE_LIMIT = env.str("PERFORMANCE_FEEDBACK_RATE_LIMIT", default="30/h")

# --- Performance dashboard (digital_services.performance) ---
# Cost of one completed transaction by each channel, in pence, for "cost per
# transaction" (JSON; keys given replace these defaults, the rest are kept).
# "assisted" is an assisted-digital completion that did not record how it was done.
PERFORMANCE_COST_PER_TRANSACTION_PENCE = {
    "digital": 120,
    "phone": 1450,
    "face_to_face": 2600,
    "webchat": 900,
    "paper": 1800,
    "assisted": 1450,
    **env.json("PERFORMANCE_COST_PER_TRANSACTION_PENCE", default={}),
}

# Journeys (digital_services.journeys): unsent drafts are deleted this many days after
# their last change; an emailed "continue your application" link works once, while the
# draft lasts (so the email and the save page give the same date).
JOURNEYS_DRAFT_EXPIRY_DAYS = env.int("JOURNEYS_DRAFT_EXPIRY_DAYS", default=28)
# Emailed links per client address and per recipient (django-ratelimit rates), on top of
# the limit per draft, so nobody can flood an inbox by starting many drafts.
JOURNEYS_RESUME_LINK_RATE_PER_IP = env.str("JOURNEYS_RESUME_LINK_RATE_PER_IP", default="20/h")
JOURNEYS_RESUME_LINK_RATE_PER_RECIPIENT = env.str(
    "JOURNEYS_RESUME_LINK_RATE_PER_RECIPIENT", default="5/h"
)

# --- Pay tribunal fees (tribunal_fees) ---
# Simple interest a year on refunded tribunal fees, in basis points (50 = 0.5%, the 2017 scheme).
# "Find your fee" (reference + the payer's email address): attempts allowed from one
# address, and for one reference (django-ratelimit rate, e.g. "10/h").
TRIBUNAL_FEES_LOOKUP_RATE_LIMIT = env.str("TRIBUNAL_FEES_LOOKUP_RATE_LIMIT", default="10/h")
TRIBUNAL_FEES_REFUND_INTEREST_RATE_BASIS_POINTS = env.int(
    "TRIBUNAL_FEES_REFUND_INTEREST_RATE_BASIS_POINTS", default=50
)

# --- Book a prison visit (prison_visits) ---
# Personal details of a visit are removed this many days after the visit date
# (counts for the KPIs are kept); the legacy service used 6 months.
PRISON_VISITS_ANONYMISE_AFTER_DAYS = env.int("PRISON_VISITS_ANONYMISE_AFTER_DAYS", default=183)
# "Check your visit" (reference + main visitor's date of birth): attempts allowed from one
# address, and for one reference (django-ratelimit rate, e.g. "10/h").
PRISON_VISITS_LOOKUP_RATE_LIMIT = env.str("PRISON_VISITS_LOOKUP_RATE_LIMIT", default="10/h")

# --- Make a lasting power of attorney (lasting_power) ---
# An attorney adds a registered LPA (its reference + the access code from their letter):
# attempts allowed from one address, and for one LPA reference (django-ratelimit rate).
LASTING_POWER_ACCESS_CODE_RATE_LIMIT = env.str(
    "LASTING_POWER_ACCESS_CODE_RATE_LIMIT", default="10/h"
)

# --- Make a money claim (civil_claims) ---
# "Respond to a money claim" (claim number + the access code from the defendant's letter):
# attempts allowed from one address, and for one claim number (django-ratelimit rate).
CIVIL_CLAIMS_ACCESS_CODE_RATE_LIMIT = env.str("CIVIL_CLAIMS_ACCESS_CODE_RATE_LIMIT", default="10/h")
# The court staff's mailbox: told of each issued claim (empty: no staff email is sent).
CIVIL_CLAIMS_STAFF_MAILBOX = env.str("CIVIL_CLAIMS_STAFF_MAILBOX", default="")
# CaseMan (the court's case-management system) takes each claim event as JSON by HTTPS POST
# to this URL, with this bearer token. Empty: events are kept and marked sent locally only.
CIVIL_CLAIMS_CASEMAN_FEED_URL = env.str("CIVIL_CLAIMS_CASEMAN_FEED_URL", default="")
CIVIL_CLAIMS_CASEMAN_FEED_TOKEN = env.str("CIVIL_CLAIMS_CASEMAN_FEED_TOKEN", default="")
CIVIL_CLAIMS_CASEMAN_FEED_TIMEOUT_SECONDS = env.int(
    "CIVIL_CLAIMS_CASEMAN_FEED_TIMEOUT_SECONDS", default=10
)

# --- Privacy and retention (digital_services.privacy) ---
# How long each record type keeps personal data. The "retention" job (command and beat job
# core.retention_run) applies every rule; the privacy notice's table is generated from them.
RETENTION_BATCH_SIZE = env.int("RETENTION_BATCH_SIZE", default=1000)
RETENTION_SIGN_IN_ATTEMPTS_DAYS = env.int("RETENTION_SIGN_IN_ATTEMPTS_DAYS", default=365)
RETENTION_OUTBOX_DAYS = env.int("RETENTION_OUTBOX_DAYS", default=90)
RETENTION_PAYMENT_WEBHOOKS_DAYS = env.int("RETENTION_PAYMENT_WEBHOOKS_DAYS", default=90)
RETENTION_FEEDBACK_COMMENTS_DAYS = env.int("RETENTION_FEEDBACK_COMMENTS_DAYS", default=365)
RETENTION_INACTIVE_ACCOUNT_DAYS = env.int("RETENTION_INACTIVE_ACCOUNT_DAYS", default=3 * 365)
# The admin's change log names the records changed ("A1234BC Jo Bloggs"): names go after this.
RETENTION_ADMIN_LOG_DAYS = env.int("RETENTION_ADMIN_LOG_DAYS", default=183)
# Audit events: 7 years, the MoJ norm for casework records (purged outside the app, ADR 0005).
RETENTION_AUDIT_EVENTS_DAYS = env.int("RETENTION_AUDIT_EVENTS_DAYS", default=7 * 365)
TRIBUNAL_FEES_RETENTION_DAYS = env.int("TRIBUNAL_FEES_RETENTION_DAYS", default=7 * 365)
# Bank details of a refund: removed this long after the refund was sent (time to reconcile).
TRIBUNAL_FEES_BANK_DETAILS_RETENTION_DAYS = env.int(
    "TRIBUNAL_FEES_BANK_DETAILS_RETENTION_DAYS", default=90
)
PRISON_VISITS_REGISTER_RETENTION_DAYS = env.int(
    "PRISON_VISITS_REGISTER_RETENTION_DAYS", default=183
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": env.str("AXES_LOG_LEVEL", default="WARNING")},
    },
}
