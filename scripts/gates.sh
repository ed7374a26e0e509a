#!/usr/bin/env bash
# make gates: plant each recorded defect (tests/planted/defects/) in a copy of the tree
# and check that its tests catch it; see tests/planted/run.py. Uses DATABASE_URL and
# REDIS_URL when they are set, otherwise starts throwaway PostgreSQL and Redis like
# `make test`. Extra arguments go to run.py (defect names, --list, --check, --committed).
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DATABASE_URL:-}" ]; then
  services_dir=$(mktemp -d "${TMPDIR:-/tmp}/ds-services.XXXXXX")
  cleanup() { bash scripts/services.sh stop "$services_dir"; }
  trap cleanup EXIT INT TERM
  bash scripts/services.sh start "$services_dir" || exit 1
  set -a
  # shellcheck disable=SC1091
  . "$services_dir/services.env"
  set +a
fi

# The same production-like settings as scripts/test.sh.
export SECRET_KEY="${SECRET_KEY:-test-only-$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-testserver,localhost,127.0.0.1}"
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false
export STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage"
export EMAIL_URL="${EMAIL_URL:-smtp://127.0.0.1:25}"
export DJANGO_ALLOW_ASYNC_UNSAFE=true PYTHONDONTWRITEBYTECODE=1 DATABASE_CONN_MAX_AGE=0

.venv/bin/python tests/planted/run.py "$@"
