"""Settings for the test suite: production settings with test-only overrides.

`make test` exports DATABASE_URL (throwaway PostgreSQL) and TFVV_TEST_BROKER_URL
(throwaway Redis). Tasks run eagerly unless a test starts the real worker.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "alleen-voor-tests-" + "t" * 40)
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("TFVV_VAR_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "test"))
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tfvv.settings import *  # noqa: E402,F403
from tfvv.settings import CELERY_BROKER_URL, env  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend"
)
CELERY_BROKER_URL = env.str("TFVV_TEST_BROKER_URL", default=CELERY_BROKER_URL)
CELERY_TASK_ALWAYS_EAGER = env.bool("TFVV_CELERY_EAGER", default=True)
CELERY_IMPORTS = ["tests.tfvv.taken"]  # test-only tasks the real test worker must know
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
AXES_ENABLED = True
EMAIL_FILE_PATH = env.str("TFVV_EMAIL_FILE_PATH", default="")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
