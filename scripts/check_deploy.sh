#!/usr/bin/env bash
# Django's deployment checklist against production-like settings: fails on any warning.
# Then the same settings with a live GOV.UK Pay key and an http SITE_URL must be refused
# (Pay will not return a live payment to a page that is not https).
set -euo pipefail
cd "$(dirname "$0")/.."
production_like() {
  env -i PATH="$PATH" HOME="${HOME:-/root}" \
    SECRET_KEY="check-deploy-$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    DATABASE_URL="postgres://app@db.invalid:5432/digital_services" \
    ALLOWED_HOSTS="digital.justice.example" \
    REDIS_URL="redis://redis.invalid:6379/0" \
    "$@"
}
production_like SITE_URL="https://digital.justice.example" \
  .venv/bin/python manage.py check --deploy --fail-level WARNING
if output=$(production_like SITE_URL="http://digital.justice.example" \
  GOVUK_PAY_API_KEY="api_live_check-deploy" \
  .venv/bin/python manage.py check --deploy --fail-level WARNING 2>&1); then
  echo "check_deploy: a live GOV.UK Pay key with an http SITE_URL was not refused" >&2
  exit 1
fi
grep -q "SITE_URL" <<<"$output" || { echo "$output" >&2; exit 1; }
echo "check_deploy: a live GOV.UK Pay key with an http SITE_URL is refused"
