# tfvv: one image for web (gunicorn), Celery worker and Celery beat. See README.md,
# "Productie-achtige stack", and docs/configuratie.md for the environment.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_COMPILE_BYTECODE=1 \
    TFVV_VAR_DIR=/app/var \
    PATH=/app/.venv/bin:$PATH

# WeasyPrint (Pango, HarfBuzz), libmagic for upload type checks, fonts,
# pg_dump/pg_restore 15 for backups and `manage.py controleer_backup`.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libffi8 \
      libmagic1 shared-mime-info fonts-dejavu-core fonts-liberation \
      postgresql-client-15 \
 && rm -rf /var/lib/apt/lists/* \
 && pip install --no-cache-dir uv \
 && useradd --system --uid 1000 --home /app tfvv

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-dev --no-install-project

COPY . .
# Static files are collected into the image; private files live in a volume (/app/var/privaat).
RUN DJANGO_SECRET_KEY=alleen-voor-collectstatic python manage.py collectstatic --no-input \
 && mkdir -p /app/var/privaat \
 && chown -R tfvv:tfvv /app/var

USER tfvv
EXPOSE 8000
CMD ["gunicorn", "tfvv.wsgi", "--config", "gunicorn.conf.py", "--bind", "0.0.0.0:8000", \
     "--workers", "3", "--preload", "--access-logfile", "-"]
