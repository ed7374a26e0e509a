#!/usr/bin/env bash
# make rehearsal: a benchmark, not a test (bench/rehearsal.py says what it does). Throwaway
# PostgreSQL, Redis and S3 (moto) from scripts/services.sh, HAProxy from Debian, production
# settings at loopback addresses; writes bench/rehearsal.json. Arguments go to
# bench/rehearsal.py (for example `make rehearsal ARGS="--duration 60 --walkers 3"`).
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { [ -e /tmp/.ds-apt-updated ] || { apt-get update -qq && touch /tmp/.ds-apt-updated; }; } >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >&2
  else
    echo "rehearsal.sh: haproxy is needed (Debian: sudo apt-get install haproxy)" >&2; exit 1
  fi
fi

services_dir=$(mktemp -d "${TMPDIR:-/tmp}/ds-rehearsal.XXXXXX")
trap 'bash scripts/services.sh stop "$services_dir"' EXIT INT TERM
bash scripts/services.sh start "$services_dir" || exit 1
set -a
# shellcheck disable=SC1091
. "$services_dir/services.env"
SECRET_KEY="rehearsal-$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
ALLOWED_HOSTS="127.0.0.1,localhost"
SITE_URL="http://127.0.0.1"
SECURE_SSL_REDIRECT=false
SESSION_COOKIE_SECURE=false
CSRF_COOKIE_SECURE=false
LOG_LEVEL=WARNING
PAYMENTS_PROVIDER=sandbox
# Text messages go to the log (there is no Notify key here); they count as sent.
NOTIFICATIONS_LOG_SMS=true
GUNICORN_WORKERS=2
# HAProxy is the one proxy in front of gunicorn.
TRUSTED_PROXY_COUNT=1
# The sweep queues again what the broker lost after 10 s (production: 60 s) and takes back
# a claim after 200 s (production: 600 s; it must exceed the task time limit of 180 s).
NOTIFICATIONS_SWEEP_CREATED_GRACE_SECONDS=10
NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS=200
set +a
.venv/bin/python bench/rehearsal.py "$@"
