#!/usr/bin/env bash
# Throwaway PostgreSQL, Redis and S3 (moto's server mode) for the test suite, on free local ports.
#
#   scripts/services.sh start DIR   start them, write DIR/services.env (DATABASE_URL, REDIS_URL,
#                                   DOCUMENTS_S3_ENDPOINT_URL, ...)
#   scripts/services.sh stop DIR    stop them and delete DIR
#
# Missing servers are installed with apt when running as root; otherwise the
# script says what to install and exits 1.
set -euo pipefail

cmd=${1:?usage: services.sh start|stop DIR}
dir=${2:?usage: services.sh start|stop DIR}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bindir() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ] && { pg_config --bindir; return 0; }
  return 1
}

need() {  # need PACKAGE CHECK-COMMAND...
  local pkg=$1; shift
  "$@" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "services.sh: installing $pkg with apt-get" >&2
    if [ ! -e /tmp/.ds-apt-updated ]; then apt-get update -qq >&2 && touch /tmp/.ds-apt-updated; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >&2
    "$@" >/dev/null 2>&1 && return 0
  fi
  echo "services.sh: $pkg is needed for the tests. Install it (Debian: sudo apt-get install $pkg) and run again." >&2
  exit 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  need postgresql-15 pg_bindir
  need redis-server command -v redis-server
  local bindir pgport redisport s3port moto
  moto="$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/moto_server"
  [ -x "$moto" ] || { echo "services.sh: $moto is missing (make venv installs moto[server])" >&2; exit 1; }
  bindir=$(pg_bindir)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  pgport=$(free_port)
  redisport=$(free_port)
  s3port=$(free_port)

  mkdir -p "$dir/pg" "$dir/redis" "$dir/s3"
  [ "$(id -u)" = 0 ] && chown -R postgres "$dir/pg" && chmod 755 "$dir"
  as_pg "$bindir/initdb" -D "$dir/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log" 2>&1
  as_pg "$bindir/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
    -o "-p $pgport -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null

  redis-server --port "$redisport" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize yes --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" --dir "$dir/redis"
  for _ in $(seq 50); do
    redis-cli -p "$redisport" ping >/dev/null 2>&1 && break
    sleep 0.1
  done

  # S3: moto keeps the buckets in memory; the tests create theirs (tests/documents/s3.py).
  "$moto" -H 127.0.0.1 -p "$s3port" >"$dir/s3/moto.log" 2>&1 &
  echo $! >"$dir/s3/moto.pid"
  for _ in $(seq 100); do
    python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$s3port/moto-api/')" >/dev/null 2>&1 && break
    sleep 0.1
  done

  cat >"$dir/services.env" <<ENV
DATABASE_URL=postgres://postgres@127.0.0.1:$pgport/digital_services
REDIS_URL=redis://127.0.0.1:$redisport/0
TEST_PG_BINDIR=$bindir
TEST_PG_DATA=$dir/pg/data
TEST_PG_PORT=$pgport
TEST_PG_SOCKET_DIR=$dir/pg
TEST_REDIS_PORT=$redisport
TEST_REDIS_DIR=$dir/redis
TEST_SERVICES_DIR=$dir
TEST_S3_PORT=$s3port
DOCUMENTS_S3_ENDPOINT_URL=http://127.0.0.1:$s3port
DOCUMENTS_S3_BUCKET=documents-test
DOCUMENTS_S3_REGION=eu-west-2
AWS_ACCESS_KEY_ID=testing
AWS_SECRET_ACCESS_KEY=testing
ENV
  as_pg "$bindir/psql" -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE digital_services" >/dev/null
  echo "services.sh: PostgreSQL on $pgport, Redis on $redisport, S3 (moto) on $s3port" >&2
}

stop() {
  [ -d "$dir" ] || return 0
  if [ -f "$dir/services.env" ]; then
    # shellcheck disable=SC1091
    . "$dir/services.env"
    as_pg "$TEST_PG_BINDIR/pg_ctl" -D "$TEST_PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
    redis-cli -p "$TEST_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    [ -f "$dir/redis/redis.pid" ] && kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true
    [ -f "$dir/s3/moto.pid" ] && kill "$(cat "$dir/s3/moto.pid")" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: services.sh start|stop DIR" >&2; exit 2 ;;
esac
