#!/usr/bin/env bash
# Static checks that run in `make test`: lint, security lint, vulnerable pins, migrations.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
echo "== ruff"; $PY -m ruff check .
echo "== migraties"; DJANGO_SETTINGS_MODULE=tfvv.settings_test $PY manage.py makemigrations --check --dry-run >/dev/null
echo "== bandit (geen bevindingen met hoge ernst)"
$PY -m bandit -q -r tfvv aanvragen loopbaangesprekken cheques rapportage -x '*/migrations/*' --severity-level high
echo "== pip-audit (bekende kwetsbaarheden in de vastgepinde pakketten)"
rapport=$(mktemp)
# exit status 1 = vulnerabilities found (judged from the report below); other failures
# (service unreachable) leave an empty report, which the script reports without failing
timeout 300 $PY -m pip_audit --progress-spinner off --skip-editable --format json \
  --output "$rapport" 2>"$rapport.log" || true
status=0; $PY scripts/kwetsbaarheden.py "$rapport" || status=$?
rm -f "$rapport" "$rapport.log"
[ $status -eq 0 ] || exit 1
echo "== check --deploy"
env -u DJANGO_DEBUG -u DJANGO_ALLOW_ASYNC_UNSAFE DJANGO_SETTINGS_MODULE=tfvv.settings \
  DJANGO_SECRET_KEY="$(head -c 48 /dev/urandom | base64)" DJANGO_ALLOWED_HOSTS=twentsfonds.example \
  DATABASE_URL=sqlite:////tmp/tfvv-deploycheck.sqlite3 $PY manage.py check --deploy --fail-level WARNING
