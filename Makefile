# Wijkverbinder: `make run` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Development values only; production sets its own environment (see README.md).
DEV_ENV := DJANGO_DEBUG=true DJANGO_SECURE_SSL_REDIRECT=false
TEST_ENV := DJANGO_SECRET_KEY=test-only-secret DJANGO_STATICFILES_STORAGE=django.contrib.staticfiles.storage.StaticFilesStorage

.PHONY: run test test-fast lint fmt messages seed checkcontent bench check browser gettext redis wrk clean

run: $(VENV)/.installed-run gettext
	$(DEV_ENV) $(MANAGE) compilemessages --ignore=.venv -v0
	$(DEV_ENV) $(MANAGE) migrate --no-input
	$(DEV_ENV) $(MANAGE) seed
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:8000

test: $(VENV)/.installed-test browser redis check
	$(TEST_ENV) $(BIN)/pytest

test-fast: $(VENV)/.installed-test check
	$(TEST_ENV) $(BIN)/pytest -m "not browser"

check: $(VENV)/.installed-test gettext
	$(TEST_ENV) $(MANAGE) compilemessages --ignore=.venv -v0
	$(TEST_ENV) $(MANAGE) check --fail-level WARNING
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run -v1

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(VENV)/.installed-run
	$(DEV_ENV) $(MANAGE) makemessages -l nl -l en --ignore=.venv --ignore=staticfiles --no-obsolete --add-location file
	$(DEV_ENV) $(MANAGE) compilemessages --ignore=.venv

seed: $(VENV)/.installed-run
	$(DEV_ENV) $(MANAGE) migrate --no-input
	$(DEV_ENV) $(MANAGE) seed --force

bench: $(VENV)/.installed-test wrk
	$(TEST_ENV) $(BIN)/python benchmarks/pages.py
	$(BIN)/python benchmarks/server.py

checkcontent: $(VENV)/.installed-run
	$(DEV_ENV) $(MANAGE) checkcontent

# GNU gettext compiles the translation catalogues (Debian's package if it is missing).
gettext:
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext; }

# Debian's Chromium drives the browser tests (Playwright cannot download its own here).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# redis-server for the two-app-server test (tests/test_servers.py); wrk drives `make bench`.
redis:
	@command -v redis-server >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-server; }

wrk:
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { \
	  echo "Wijkverbinder needs Python 3.12 or newer (Django 6.1); '$(PYTHON)' is $$($(PYTHON) --version 2>&1)."; \
	  echo "With pyenv, the committed .python-version selects 3.12; or run: make PYTHON=python3.12 run"; \
	  exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"

$(VENV)/.installed-run: pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet . --group dev
	@touch $@ $(VENV)/.installed-run

clean:
	rm -rf $(VENV) staticfiles .ruff_cache
