# The front door. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
UV_VERSION := 0.13.9
UV := .venv-tools/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Development mode for `make run`: SQLite, console email, Celery tasks run inline.
RUN_ENV := DJANGO_DEBUG=true CELERY_TASK_ALWAYS_EAGER=true
ADDRESS ?= 127.0.0.1:8000

.PHONY: help run test gates fuzz lint format bench frontend venv check-deploy check-image rehearsal demo-data clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv .venv-tools
	.venv-tools/bin/pip install -q "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --all-groups
	@touch $@

venv: $(VENV)/.synced ## Create .venv with the locked dependencies

run: venv ## Run the whole site with demo data at http://127.0.0.1:8000 (SQLite, no servers)
	$(RUN_ENV) $(MANAGE) catalogues_compile
	$(RUN_ENV) $(MANAGE) migrate --no-input
	$(RUN_ENV) $(MANAGE) seed_demo
	$(RUN_ENV) $(MANAGE) runserver $(ADDRESS)

demo-data: venv ## Load (or refresh) the demo data into the development database
	$(RUN_ENV) $(MANAGE) seed_demo

test: venv ## Start throwaway PostgreSQL and Redis, run every test, stop them
	bash scripts/test.sh $(ARGS)

gates: venv ## Plant each recorded defect (tests/planted) and check its tests catch it
	bash scripts/gates.sh $(ARGS)

fuzz: venv ## Every public form, thousands of hypothesis examples each (not in make test)
	SKIP_CHECKS=1 BAD_INPUT_EXAMPLES=$${BAD_INPUT_EXAMPLES:-2000} bash scripts/test.sh tests/quality/bad_input $(ARGS)

lint: venv ## ruff lint and format check, migrations check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(RUN_ENV) $(MANAGE) makemigrations --check --dry-run

format: venv ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-deploy: venv ## Django's deployment checklist with production-like settings
	bash scripts/check_deploy.sh

check-image: ## hadolint the Dockerfile and build its Python layer in a clean venv (~1 min)
	bash scripts/check_image.sh

frontend: ## Rebuild digital_services/static/govuk from the pinned govuk-frontend (needs npm)
	npm ci --no-audit --no-fund
	npm run build

bench: venv ## Load-test the main pages under gunicorn on PostgreSQL (writes bench/results.json)
	bash scripts/bench.sh $(ARGS)

rehearsal: venv ## Three web nodes, two workers, kills and a Redis restart under load (bench/rehearsal.json)
	bash scripts/rehearsal.sh $(ARGS)

clean: ## Remove the virtualenvs, the development database and temporary files
	rm -rf $(VENV) .venv-tools .tmp staticfiles db.sqlite3
