# Production image: Python 3.11, the locked dependencies, compiled GOV.UK Frontend
# assets collected for whitenoise. Runs gunicorn by default; the same image runs
# the Celery worker and beat (see docker-compose.yml).

FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY digital_services/frontend digital_services/frontend
RUN mkdir -p tests && npm run build

FROM python:3.11-slim-bookworm AS app
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH="/opt/venv/bin:$PATH"
# DejaVu fonts: printed letters need Welsh letters (ŵ, ŷ) that Helvetica lacks. Not pinned:
# the version is whatever Debian bookworm's security updates ship today.
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir "uv==0.13.9" \
    && useradd --create-home --uid 10001 app
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
COPY --from=assets /build/digital_services/static/govuk digital_services/static/govuk
# collectstatic needs settings to load; these values exist only for this build step.
RUN SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 ALLOWED_HOSTS=localhost \
    REDIS_URL=redis://localhost:6379/0 python manage.py collectstatic --no-input -v0 \
    && SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 ALLOWED_HOSTS=localhost \
    REDIS_URL=redis://localhost:6379/0 python manage.py catalogues_compile --force \
    && mkdir -p /app/media /app/documents && chown -R app /app/media /app/documents
# The uid Kubernetes runs it as (deploy/kubernetes: runAsUser 10001, read-only root
# filesystem, /tmp an emptyDir); documents go to S3 there, not to /app/documents.
USER 10001:10001
EXPOSE 8000
CMD ["gunicorn", "digital_services.wsgi:application", "--config", "gunicorn.conf.py"]
