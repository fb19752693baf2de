# Every target works from a fresh clone: the virtualenv is created on first use.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# The newest Python 3.12+ on the machine; Django 6 needs 3.12.
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 \
	$$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) python3; do \
	  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	  && { command -v $$p; break; }; done)

.PHONY: run test test-unit test-integration test-e2e lint format bench bench-web clean

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "error: Sciatica Coach needs Python 3.12 or newer; none was found on PATH." >&2; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/sciatica-coach serve --host 127.0.0.1 --port 8000

# Everything on SQLite; then, where CI provides PostgreSQL and Redis (TEST_POSTGRES_URL,
# TEST_REDIS_URL), the database- and cache-facing tests again on them, as a scaled set-up runs.
test: $(STAMP) lint
	$(PY) -m pytest -q
	@if [ -n "$$TEST_POSTGRES_URL" ] && [ -n "$$TEST_REDIS_URL" ]; then \
	  echo "== again on PostgreSQL + Redis"; \
	  DATABASE_URL="$$TEST_POSTGRES_URL" REDIS_URL="$$TEST_REDIS_URL" $(PY) -m pytest -q tests/integration \
	    --deselect tests/integration/web/test_scale.py; \
	fi

test-unit: $(STAMP)
	$(PY) -m pytest -q tests/unit

test-integration: $(STAMP)
	$(PY) -m pytest -q tests/integration

test-e2e: $(STAMP)
	$(PY) -m pytest -q tests/e2e

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

format: $(STAMP)
	$(VENV)/bin/ruff format src tests bench
	$(VENV)/bin/ruff check --fix src tests bench

bench: $(STAMP)
	$(PY) bench/illustration.py
	$(PY) bench/engine.py

# Needs wrk (apt-get install wrk); rewrites the "Web" section of docs/benchmarks.md.
bench-web: $(STAMP)
	$(PY) bench/web.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
