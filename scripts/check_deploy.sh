#!/usr/bin/env bash
# Django's deployment checklist against production-like settings: fails on any warning.
set -euo pipefail
cd "$(dirname "$0")/.."
env -i PATH="$PATH" HOME="${HOME:-/root}" \
  SECRET_KEY="check-deploy-$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  DATABASE_URL="postgres://app@db.invalid:5432/digital_services" \
  ALLOWED_HOSTS="digital.justice.example" \
  REDIS_URL="redis://redis.invalid:6379/0" \
  .venv/bin/python manage.py check --deploy --fail-level WARNING
