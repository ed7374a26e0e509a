#!/usr/bin/env bash
# make bench: a benchmark, not a test. Throwaway PostgreSQL + Redis, production
# settings, gunicorn, wrk from a second process. Arguments go to bench/run.py
# (for example `make bench ARGS="--scale 0.05 --duration 5"`).
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { [ -e /tmp/.ds-apt-updated ] || { apt-get update -qq && touch /tmp/.ds-apt-updated; }; } >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
  else
    echo "bench.sh: wrk is needed (Debian: sudo apt-get install wrk)" >&2; exit 1
  fi
fi

services_dir=$(mktemp -d "${TMPDIR:-/tmp}/ds-bench.XXXXXX")
trap 'bash scripts/services.sh stop "$services_dir"' EXIT INT TERM
bash scripts/services.sh start "$services_dir" || exit 1
set -a
# shellcheck disable=SC1091
. "$services_dir/services.env"
SECRET_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
ALLOWED_HOSTS="127.0.0.1,localhost,testserver"
SECURE_SSL_REDIRECT=false
SESSION_COOKIE_SECURE=false
CSRF_COOKIE_SECURE=false
LOG_LEVEL=WARNING
set +a
.venv/bin/python bench/run.py "$@"
