#!/usr/bin/env bash
# `make bench`: throwaway PostgreSQL + Redis, gunicorn and one Celery worker on 127.0.0.1
# with production settings, then the scenarios (bench/draai.py), then stop what was started.
#   make bench                                   all scenarios
#   make bench ARGS="--scenario rush --duur 20"  one scenario (see bench/README.md)
# Server shape (measured choice for 2 cores, see docs/benchmarks.md), overridable:
#   BENCH_WORKERS=2 BENCH_THREADS=4 BENCH_CELERY_CONCURRENCY=1 make bench
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

if [[ " $* " == *" --lijst "* || " $* " == *" -h "* || " $* " == *" --help "* ]]; then
  exec $PY -m bench.draai "$@"
fi

WORKERS=${BENCH_WORKERS:-2}
THREADS=${BENCH_THREADS:-4}
CELERY_CONCURRENCY=${BENCH_CELERY_CONCURRENCY:-1}
DIR=$(mktemp -d /tmp/tfvv-bench.XXXXXX)
chmod 755 "$DIR"

stop_alles() {
  for naam in gunicorn celery; do
    if [ -f "$DIR/$naam.pid" ]; then
      pid=$(cat "$DIR/$naam.pid")
      kill -TERM "$pid" 2>/dev/null
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null
    fi
  done
  bash scripts/diensten.sh stop "$DIR"
}
trap stop_alles EXIT
trap 'exit 130' INT TERM

bash scripts/diensten.sh start "$DIR" || exit 1
# shellcheck disable=SC1091
source "$DIR/env"
export DJANGO_SETTINGS_MODULE=tfvv.settings
export DJANGO_DEBUG=false
DJANGO_SECRET_KEY="bench-$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_SECURE_SSL_REDIRECT=false
export DJANGO_SECURE_COOKIES=false
export CELERY_BROKER_URL=$TFVV_TEST_BROKER_URL
export REDIS_CACHE_URL=$TFVV_REDIS_URL/1
export TFVV_VAR_DIR=$DIR/var
export TFVV_LOG_LEVEL=WARNING
export DJANGO_EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
# The bare-INSERT baseline app (bench/basislijn), mounted only under this variable.
export TFVV_BENCH_BASELINE=1
# Every visitor comes from 127.0.0.1: raise the per-IP/per-address limits (tfvv/ratelimit.py).
export TFVV_LIMIET_AANMELDEN_IP=100000000
export TFVV_LIMIET_AANMELDEN_EMAIL=100000000
export TFVV_LIMIET_INLOGLINK_IP=100000000
export TFVV_LIMIET_INLOGLINK_EMAIL=100000000

echo "Migreren en statische bestanden verzamelen..."
$PY manage.py migrate --no-input -v0 || exit 1
$PY manage.py collectstatic --no-input -v0 || exit 1

POORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
KLASSE=sync
[ "$THREADS" -gt 1 ] && KLASSE=gthread
.venv/bin/gunicorn tfvv.wsgi --preload --bind "127.0.0.1:$POORT" --workers "$WORKERS" \
  --threads "$THREADS" --worker-class "$KLASSE" --timeout 60 --graceful-timeout 5 \
  --pid "$DIR/gunicorn.pid" --error-logfile "$DIR/gunicorn.log" --log-level warning &
.venv/bin/celery -A tfvv worker --concurrency "$CELERY_CONCURRENCY" --pool prefork \
  --without-mingle --without-gossip --without-heartbeat --loglevel INFO \
  --pidfile "$DIR/celery.pid" --logfile "$DIR/celery.log" >/dev/null 2>&1 &

klaar=""
for _ in $(seq 300); do
  if [ -z "$klaar" ] && curl -fso /dev/null "http://127.0.0.1:$POORT/"; then klaar=web; fi
  if [ "$klaar" = web ] && grep -q "ready\." "$DIR/celery.log" 2>/dev/null; then klaar=alles; break; fi
  sleep 0.1
done
if [ "$klaar" != alles ]; then
  echo "Gunicorn of Celery startte niet (stand: ${klaar:-niets}):" >&2
  tail -n 30 "$DIR/gunicorn.log" "$DIR/celery.log" >&2 2>/dev/null
  exit 1
fi
PG_PID=$(head -1 "$DIR/pg/data/postmaster.pid")
export BENCH_POORT=$POORT
export BENCH_PIDS="gunicorn=$(cat "$DIR/gunicorn.pid"),celery=$(cat "$DIR/celery.pid"),postgres=$PG_PID,redis=$(cat "$DIR/redis.pid")"
export BENCH_GUNICORN="$WORKERS workers x $THREADS threads ($KLASSE), --preload, 127.0.0.1:$POORT"
export BENCH_CELERY="1 worker, prefork, concurrency $CELERY_CONCURRENCY"
echo "Gunicorn: $BENCH_GUNICORN; Celery: $BENCH_CELERY"

$PY -m bench.draai "$@"
status=$?
if grep -q "Traceback" "$DIR/gunicorn.log" 2>/dev/null; then
  echo "Let op: fouten in het gunicorn-log:" >&2
  grep -A3 "Traceback" "$DIR/gunicorn.log" | tail -n 20 >&2
fi
exit $status
