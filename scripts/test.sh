#!/usr/bin/env bash
# make test: throwaway PostgreSQL + Redis + S3 (moto), the deployment check, lint, then the
# whole suite against them. Stops what it started, whatever happens, and exits
# non-zero on any failure. Extra arguments go to pytest (for example
# `make test ARGS="tests/core -k healthz"`).
set -uo pipefail
cd "$(dirname "$0")/.."

services_dir=$(mktemp -d "${TMPDIR:-/tmp}/ds-services.XXXXXX")
cleanup() { bash scripts/services.sh stop "$services_dir"; }
trap cleanup EXIT INT TERM

bash scripts/services.sh start "$services_dir" || exit 1
set -a
# shellcheck disable=SC1091
. "$services_dir/services.env"
set +a

# Browser tests use Debian's Chromium; install it when we can.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "test.sh: installing chromium with apt-get" >&2
  { [ -e /tmp/.ds-apt-updated ] || { apt-get update -qq && touch /tmp/.ds-apt-updated; }; } >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || true
fi

# The suite runs with production settings, loosened only where a test client needs it.
export SECRET_KEY="test-only-$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
export ALLOWED_HOSTS="testserver,localhost,127.0.0.1"
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false
export STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage"
export EMAIL_URL="smtp://127.0.0.1:25"
export DJANGO_ALLOW_ASYNC_UNSAFE=true
export PYTHONDONTWRITEBYTECODE=1
# Persistent connections outlive live_server threads and block dropping the test databases.
export DATABASE_CONN_MAX_AGE=0

status=0
if [ -z "${SKIP_CHECKS:-}" ]; then  # SKIP_CHECKS=1 runs only pytest (for a quick local loop)
  bash scripts/check_deploy.sh || status=1
  .venv/bin/ruff check . || status=1
  .venv/bin/ruff format --check . || status=1
  if ! command -v docker-compose >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null 2>&1 || true
  fi
  if command -v docker-compose >/dev/null 2>&1; then
    SECRET_KEY=x ALLOWED_HOSTS=x SITE_URL=x POSTGRES_PASSWORD=x MINIO_ROOT_PASSWORD=x docker-compose config -q || {
      echo "test.sh: docker-compose.yml is not valid" >&2; status=1; }
  else
    echo "test.sh: docker-compose is not installed: docker-compose.yml not checked" >&2; status=1
  fi
  DJANGO_DEBUG=true .venv/bin/python manage.py makemigrations --check --dry-run >/dev/null || {
    echo "test.sh: models have changes without migrations (run makemigrations)" >&2; status=1; }
fi

# The translation catalogues (.mo are not committed); the suite also compiles any that changed.
DJANGO_DEBUG=true .venv/bin/python manage.py catalogues_compile || status=1

workers=${PYTEST_WORKERS:-2}
.venv/bin/pytest -p no:cacheprovider -n "$workers" "$@"
rc=$?
# Exit 5 means pytest collected no tests: that is a failure here, not a pass.
[ $rc -ne 0 ] && status=1
exit $status
