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

.PHONY: run test test-js test-unit test-integration test-e2e lint format bench bench-web bench-coach vendor-mediapipe clean

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
test: $(STAMP) lint test-js
	$(PY) -m pytest -q
	@if [ -n "$$TEST_POSTGRES_URL" ] && [ -n "$$TEST_REDIS_URL" ]; then \
	  echo "== again on PostgreSQL + Redis"; \
	  DATABASE_URL="$$TEST_POSTGRES_URL" REDIS_URL="$$TEST_REDIS_URL" $(PY) -m pytest -q tests/integration \
	    --deselect tests/integration/web/test_scale.py; \
	fi

# The camera coach's rules in JavaScript, with Node's own test runner (no install needed).
test-js:
	node --test tests/js/

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

# Needs Chromium; prints the "Camera coach" figures of docs/benchmarks.md.
bench-coach: $(STAMP)
	$(PY) bench/coach.py

# Needs wrk (apt-get install wrk); rewrites the "Web" section of docs/benchmarks.md.
bench-web: $(STAMP)
	$(PY) bench/web.py

# The camera coach's pose model, copied unchanged from npm into the static files; the checksums
# in SHA256SUMS must still match (`git diff` shows any change).
MEDIAPIPE_POSE := 0.5.1675469404
MEDIAPIPE_DIR := src/sciatica_coach/coach/static/coach/vendor/mediapipe-pose-$(MEDIAPIPE_POSE)
vendor-mediapipe:
	rm -rf build/mediapipe && mkdir -p build/mediapipe
	cd build/mediapipe && npm pack --silent @mediapipe/pose@$(MEDIAPIPE_POSE) >/dev/null && tar xzf mediapipe-pose-$(MEDIAPIPE_POSE).tgz
	for file in $$(awk '{print $$2}' $(MEDIAPIPE_DIR)/SHA256SUMS); do \
	  install -m 644 build/mediapipe/package/$$file $(MEDIAPIPE_DIR)/$$file; done
	cd $(MEDIAPIPE_DIR) && sha256sum --check --quiet SHA256SUMS
	# Served compressed (settings: whitenoise does not compress these at every start).
	for file in $(MEDIAPIPE_DIR)/*.wasm; do gzip -9 --keep --no-name --force $$file; done

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
