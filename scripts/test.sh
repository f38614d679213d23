#!/usr/bin/env bash
# `make test`: throwaway PostgreSQL + Redis on loopback, static checks, the whole suite
# (including the real Celery worker and Chromium tests), then stop what was started.
# Extra arguments go to pytest, e.g. `make test ARGS="tests/aanvragen -x"`.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DIR=$(mktemp -d /tmp/tfvv-test.XXXXXX)
chmod 755 "$DIR"
trap 'bash scripts/diensten.sh stop "$DIR"' EXIT

bash scripts/diensten.sh start "$DIR" || exit 1
# shellcheck disable=SC1091
source "$DIR/env"
export DJANGO_SETTINGS_MODULE=tfvv.settings_test
export TFVV_VAR_DIR="$DIR/var"

if [ $# -eq 0 ]; then
  bash scripts/statische-controles.sh || exit 1
fi
$PY -m pytest "$@"
