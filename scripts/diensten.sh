#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis on 127.0.0.1 for `make test` and `make bench`.
#   scripts/diensten.sh start DIR   -> starts both, writes DIR/env (DATABASE_URL, ...)
#   scripts/diensten.sh stop DIR    -> stops what start started
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

vrije_poort() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

installeer_ontbrekende() {
  local ontbreekt=()
  [ -x "$PGBIN/initdb" ] || ontbreekt+=(postgresql)
  command -v redis-server >/dev/null || ontbreekt+=(redis-server)
  command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || ontbreekt+=(chromium)
  command -v pdftotext >/dev/null || ontbreekt+=(poppler-utils)
  fc-list 2>/dev/null | grep -qi "Liberation" || ontbreekt+=(fonts-liberation)
  [ ${#ontbreekt[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installeren: ${ontbreekt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${ontbreekt[@]}" >/dev/null
  else
    echo "Ontbrekend: ${ontbreekt[*]}. Installeer met: sudo apt-get install -y ${ontbreekt[*]}" >&2
    exit 1
  fi
}

start() {
  local dir=$1
  installeer_ontbrekende
  mkdir -p "$dir"
  local pgport redisport
  pgport=$(vrije_poort); redisport=$(vrije_poort)
  if [ "$(id -u)" = 0 ]; then
    install -d -o postgres "$dir/pg"
    local als=(runuser -u postgres --)
  else
    mkdir -p "$dir/pg"
    local als=()
  fi
  "${als[@]}" "$PGBIN/initdb" -D "$dir/pg/data" -A trust -E UTF8 --locale=C.UTF-8 -U postgres >"$dir/initdb.log"
  "${als[@]}" "$PGBIN/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pgport -k $dir/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE ROLE tfvv LOGIN CREATEDB PASSWORD 'tfvv'" >/dev/null
  psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE tfvv OWNER tfvv" >/dev/null
  redis-server --bind 127.0.0.1 --port "$redisport" --daemonize yes --save '' --appendonly no \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
  for _ in $(seq 50); do redis-cli -p "$redisport" ping >/dev/null 2>&1 && break; sleep 0.1; done
  cat >"$dir/env" <<ENV
export DATABASE_URL=postgres://tfvv:tfvv@127.0.0.1:$pgport/tfvv
export TFVV_TEST_BROKER_URL=redis://127.0.0.1:$redisport/0
export TFVV_REDIS_URL=redis://127.0.0.1:$redisport
export TFVV_PG_PORT=$pgport
ENV
  echo "PostgreSQL op 127.0.0.1:$pgport, Redis op 127.0.0.1:$redisport (gegevens in $dir)"
}

stop() {
  local dir=$1
  if [ -f "$dir/pg/data/postmaster.pid" ]; then
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null || true
    else
      "$PGBIN/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null || true
    fi
  fi
  if [ -f "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$dir"
}

"$1" "$2"
