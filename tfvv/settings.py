"""Settings for tfvv, read from the environment (see docs/configuratie.md).

Unset variables give the embedded default used by `make run`: SQLite under var/,
Celery tasks executed in-process, e-mail to the console. Production sets
DJANGO_DEBUG=false (the default), a secret key, DATABASE_URL and CELERY_BROKER_URL.
"""

import ipaddress
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("TFVV_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off.")
    SECRET_KEY = "onveilig-alleen-voor-lokaal-ontwikkelen-" + "x" * 30
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("TFVV_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    # the pipeline, in order: an app may import the ones above it, never below
    "tfvv",
    "aanvragen",
    "loopbaangesprekken",
    "cheques",
    "rapportage",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "tfvv.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "tfvv.middleware.MethodeNietToegestaanMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tfvv.uploadlimiet.UploadLimietMiddleware",  # before anything reads the body
    "django_otp.middleware.OTPMiddleware",
    "tfvv.middleware.StaffSessionExpiryMiddleware",
    "tfvv.middleware.StapOpMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tfvv.urls"
WSGI_APPLICATION = "tfvv.wsgi.application"

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
                "csp.context_processors.nonce",
                "tfvv.context_processors.navigatie",
            ],
        },
    },
]

TFVV_SQLITE_TIMEOUT_SECONDEN = 3
DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'tfvv.sqlite3'}"
    )
}
if "DATABASE_URL" not in env:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite default lives here
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Persistent connections: a fresh connection per request cut insert throughput ~8x.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    # A locked SQLite database (a long write elsewhere) makes a request wait at most this
    # long; then OperationalError gives the Dutch 503 page (tfvv.middleware) instead of a
    # request hanging for 20 s.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = TFVV_SQLITE_TIMEOUT_SECONDEN
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # a fresh checkout has no var/ yet
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "tfvv.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "aanvragen.auth.InlogLinkBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "tfvv:inloggen-medewerker"
LOGIN_REDIRECT_URL = "tfvv:start"
LOGOUT_REDIRECT_URL = "tfvv:home"

# --- language and time -------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- static and private files ------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {
        # FileSystemStorage that removes the files of a failed write (tfvv.opslag)
        "BACKEND": "tfvv.opslag.Opslag",
        "OPTIONS": {"location": str(VAR_DIR / "privaat"), "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
# No MEDIA_URL: uploads and PDFs live outside the web root and are only served
# through views that check permissions.
PRIVATE_MEDIA_ROOT = VAR_DIR / "privaat"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 11 * 1024 * 1024
TFVV_MAX_UPLOAD_BYTES = env.int("TFVV_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
# a request announcing more is refused before its body is read (tfvv.uploadlimiet)
TFVV_MAX_VERZOEK_BYTES = env.int("TFVV_MAX_VERZOEK_BYTES", default=12 * 1024 * 1024)
TFVV_MAX_VERZOEK_INGELOGD_BYTES = env.int("TFVV_MAX_VERZOEK_INGELOGD_BYTES",
                                          default=50 * 1024 * 1024)

# --- e-mail ------------------------------------------------------------------
EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Twents Fonds voor Vakmanschap <noreply@twentsfonds.example>"
)
# Where an opleider sends its invoice for a scholingscheque (named in the opleider's mail).
FACTUUR_EMAIL = env.str("TFVV_FACTUUR_EMAIL", default="facturen@twentsfonds.example")

# --- Celery --------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = env.bool("TFVV_CELERY_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "max_retries": 1}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {
    "werker-hartslag": {"task": "tfvv.tasks.werker_hartslag", "schedule": 60.0},
    "verwerk-outbox": {"task": "tfvv.tasks.verwerk_outbox", "schedule": 60.0},
    "bewaartermijnen": {"task": "tfvv.tasks.pas_bewaartermijnen_toe",
                        "schedule": crontab(hour=3, minute=15)},
    # rapportage: summary tables every hour, the progress report on the first of the month
    "rapportage-verversen": {"task": "rapportage.tasks.ververs_samenvattingen",
                             "schedule": crontab(minute=7)},
    "rapportage-maandrapportage": {"task": "rapportage.tasks.maandelijkse_rapportage",
                                   "schedule": crontab(minute=30, hour=6, day_of_month=1)},
    # the follow-up questionnaire (docs/uitkomsten.md): once a day, in office hours
    "rapportage-vervolgvragen": {"task": "rapportage.tasks.verstuur_vervolgvragen",
                                 "schedule": crontab(hour=10, minute=0)},
    # co-financing requests: a reminder after 5 working days, a melding on expiry
    "toezegging-herinneringen": {"task": "loopbaangesprekken.tasks.herinner_toezeggingen",
                                 "schedule": crontab(hour=9, minute=15)},
    "cheques-vervallen": {"task": "cheques.tasks.laat_verlopen_cheques_vervallen",
                          "schedule": crontab(hour=2, minute=15)},
    "cheques-vast-te-stellen": {"task": "cheques.tasks.markeer_vast_te_stellen",
                                "schedule": crontab(hour=2, minute=30)},
    # the auditor's zips of a large sample are removed when their download time is over
    "cheques-dossierexports-opruimen": {"task": "cheques.tasks.ruim_dossierexports_op",
                                        "schedule": crontab(minute=40)},
    # meldingen (tfvv.herinneringen): warnings first, so the overview at 7:00 includes them
    "meldingen-termijnen": {"task": "tfvv.tasks.waarschuw_termijnen",
                            "schedule": crontab(hour=6, minute=30)},
    "meldingen-beheer": {"task": "tfvv.tasks.waarschuw_beheerders",
                         "schedule": crontab(hour=6, minute=35)},
    "meldingen-dagelijks-overzicht": {"task": "tfvv.tasks.verstuur_dagelijkse_overzichten",
                                      "schedule": crontab(hour=7, minute=0)},
}
# Outbox (tfvv.outbox): re-send a side effect not done this long after it was sent;
# delete done rows (they hold e-mail text) after this many days.
TFVV_OUTBOX_OPNIEUW_NA_SECONDEN = env.int("TFVV_OUTBOX_OPNIEUW_NA_SECONDEN", default=300)
TFVV_OUTBOX_BEWAAR_DAGEN = env.int("TFVV_OUTBOX_BEWAAR_DAGEN", default=30)

# Hours a large sample of dossiers for an auditor can be downloaded (docs/controle.md).
TFVV_DOSSIEREXPORT_UREN = env.int("TFVV_DOSSIEREXPORT_UREN", default=24)

# --- retention (tfvv.bewaartermijnen, docs/beveiliging.md) -----------------------
# Days after which a closed case is anonymised, per outcome.
TFVV_BEWAARTERMIJNEN = {
    # aanmelding without follow-up (geen vervolg, doorverwezen, ingetrokken): from closing
    "zonder_vervolg": env.int("TFVV_BEWAAR_ZONDER_VERVOLG_DAGEN", default=365),
    # afgewezen / buiten behandeling: from the end of the bezwaartermijn
    "afgewezen": env.int("TFVV_BEWAAR_AFGEWEZEN_DAGEN", default=365),
    # toegekend and afgerond: financial retention period (7 years) from completion
    "toegekend": env.int("TFVV_BEWAAR_TOEGEKEND_DAGEN", default=7 * 365 + 2),
    # a funder report's files (pseudonymised participant rows): from the day it was made.
    # ESF+ asks the documents for five years after 31 December of the year of the last
    # payment (Regulation (EU) 2021/1060, art. 82); ten years covers the 2021-2027 programme
    "verantwoording": env.int("TFVV_BEWAAR_VERANTWOORDING_DAGEN", default=10 * 365 + 3),
}
# --- SEPA payment file (cheques.betaalbestanden, docs/configuratie.md) -------------------
# The debtor of every payment batch: the gemeente's account. The default IBAN is the
# standard example number and must be replaced in production.
TFVV_SEPA_DEBITEUR_NAAM = env.str("TFVV_SEPA_DEBITEUR_NAAM", default="Gemeente Enschede")
TFVV_SEPA_DEBITEUR_IBAN = env.str("TFVV_SEPA_DEBITEUR_IBAN", default="NL91ABNA0417164300")
TFVV_SEPA_DEBITEUR_BIC = env.str("TFVV_SEPA_DEBITEUR_BIC", default="")

TFVV_BEZWAARTERMIJN_DAGEN = env.int("TFVV_BEZWAARTERMIJN_DAGEN", default=43)

# --- caching (rate limits) ---------------------------------------------------
REDIS_CACHE_URL = env.str("REDIS_CACHE_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "tfvv.cache.RedisCache", "LOCATION": REDIS_CACHE_URL}
        if REDIS_CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- security ------------------------------------------------------------------
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("TFVV_SESSION_SECONDS", default=8 * 3600)
TFVV_STAFF_IDLE_SECONDS = env.int("TFVV_STAFF_IDLE_SECONDS", default=30 * 60)
TFVV_STEP_UP_SECONDS = env.int("TFVV_STEP_UP_SECONDS", default=10 * 60)
TFVV_STEP_UP_MAX_POGINGEN = env.int("TFVV_STEP_UP_MAX_POGINGEN", default=5)
# /gezondheid/ shows its parts only to staff or with this token (header X-Gezondheid-Token)
TFVV_GEZONDHEID_TOKEN = env.str("TFVV_GEZONDHEID_TOKEN", default="")
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "tfvv.views.fouten.csrf_mislukt"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Reverse proxies (addresses or networks) whose X-Forwarded-For is believed: the client
# address for the login lock-out and the rate limits (tfvv.clientip); gunicorn.conf.py
# reads the same variable for forwarded_allow_ips. Checked here so a typo stops the start.
TFVV_TRUSTED_PROXIES = env.list("TFVV_TRUSTED_PROXIES", default=[])
for _proxy in TFVV_TRUSTED_PROXIES:
    ipaddress.ip_network(_proxy)

AXES_CLIENT_IP_CALLABLE = "tfvv.clientip.ip_adres"
AXES_FAILURE_LIMIT = env.int("TFVV_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("TFVV_LOGIN_COOLOFF_MINUTES", default=15))
# Lock out the combination of account and address: an attacker elsewhere cannot lock a
# colleague out (that needs the colleague's own address), and one address still cannot
# try more than AXES_FAILURE_LIMIT passwords per account.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Twents Fonds voor Vakmanschap"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("TFVV_LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"},
                "fontTools": {"level": "WARNING"}},
}

# --- residents: login links and the aanmelding (docs/aanmelding.md) -----------------
TFVV_INLOGLINK_UREN = env.int("TFVV_INLOGLINK_UREN", default=24)
# rate limits: (attempts, window in seconds), counted with tfvv.ratelimit
TFVV_LIMIET_AANMELDEN_IP = (env.int("TFVV_LIMIET_AANMELDEN_IP", default=30), 3600)
TFVV_LIMIET_AANMELDEN_EMAIL = (env.int("TFVV_LIMIET_AANMELDEN_EMAIL", default=5), 3600)
TFVV_LIMIET_INLOGLINK_IP = (env.int("TFVV_LIMIET_INLOGLINK_IP", default=20), 3600)
TFVV_LIMIET_INLOGLINK_EMAIL = (env.int("TFVV_LIMIET_INLOGLINK_EMAIL", default=3), 3600)
# public cheque verification by opleiders: attempts per IP address per 10 minutes
TFVV_LIMIET_CHEQUECONTROLE_IP = (env.int("TFVV_LIMIET_CHEQUECONTROLE_IP", default=10), 600)

# --- benchmark baseline (bench/README.md): never set in production ---------------------
TFVV_BENCH_BASELINE = env.bool("TFVV_BENCH_BASELINE", default=False)
if TFVV_BENCH_BASELINE:
    INSTALLED_APPS.append("bench.basislijn")
