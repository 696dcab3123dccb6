# Wijkverbinder: `make run` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Development mode has one way in: the .env file that `make run` writes (see README.md).
TEST_ENV := DJANGO_SECRET_KEY=test-only-secret DJANGO_STATICFILES_STORAGE=django.contrib.staticfiles.storage.StaticFilesStorage

.PHONY: run test test-fast lint fmt messages seed checkcontent bench check browser gettext pdf redis wrk validator clean release backup restore

run: $(VENV)/.installed-run gettext pdf .env
	$(MANAGE) compilemessages --ignore=.venv -v0
	$(MANAGE) migrate --no-input
	$(MANAGE) seed
	$(MANAGE) og_images -v0
	$(MANAGE) runserver 127.0.0.1:8000

test: $(VENV)/.installed-test browser pdf redis validator check
	$(TEST_ENV) $(BIN)/pytest

test-fast: $(VENV)/.installed-test pdf validator check
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

messages: $(VENV)/.installed-run .env
	$(MANAGE) makemessages -l nl -l en --ignore=.venv --ignore=staticfiles --ignore=generated_static --no-obsolete --add-location file
	$(MANAGE) compilemessages --ignore=.venv

seed: $(VENV)/.installed-run .env
	$(MANAGE) migrate --no-input
	$(MANAGE) seed --force
	$(MANAGE) og_images -v0

bench: $(VENV)/.installed-test wrk redis pdf
	$(TEST_ENV) $(BIN)/python benchmarks/pages.py
	$(TEST_ENV) $(BIN)/python benchmarks/memos.py
	$(TEST_ENV) $(BIN)/python benchmarks/search.py
	$(TEST_ENV) $(BIN)/python benchmarks/buurtoverleg_pdf.py
	$(TEST_ENV) $(BIN)/python benchmarks/buurtoverleg.py
	$(BIN)/python benchmarks/server.py
	$(BIN)/python benchmarks/gemeenten.py

checkcontent: $(VENV)/.installed-run .env
	$(MANAGE) checkcontent

# Production (README, Deployment), with the packages installed in .venv and the server's
# environment set; installs nothing. Each step is safe to repeat: `seed` loads the seed content
# only into an empty database; the link-preview images are drawn before collectstatic hashes
# them; `check --deploy` fails on any warning, also on a catalogue not compiled.
release: gettext
	$(MANAGE) compilemessages --ignore=.venv -v0
	$(MANAGE) migrate --no-input -v1
	$(MANAGE) seed
	$(MANAGE) og_images -v0
	$(MANAGE) collectstatic --no-input -v0
	$(MANAGE) check --deploy --fail-level WARNING

# A copy of the whole database in backups/ (README, Backups); `make restore FROM=backups/...`
# puts one back, after writing a backup of the database as it is.
backup:
	$(MANAGE) backupdb

restore:
	@test -n "$(FROM)" || { echo "Say which backup: make restore FROM=backups/<name>"; exit 2; }
	$(MANAGE) restoredb "$(FROM)"

# Development values for this checkout only, with a secret key of its own; never committed.
.env:
	@printf '%s\n' "# Development settings for this checkout (written by make; not for servers)." \
	  "DJANGO_DEBUG=true" \
	  "DJANGO_SECRET_KEY=dev-$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(40))')" > $@
	@echo "Wrote .env with development settings."

# GNU gettext compiles the translation catalogues (Debian's package if it is missing).
gettext:
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext; }

# Debian's Chromium drives the browser tests (Playwright cannot download its own here).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# WeasyPrint renders the buurtoverleg's plan as PDF with Debian's Pango and a font (if missing).
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
pdf:
	@dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $(PDF_PACKAGES); }

# redis-server for the two-app-server test (tests/test_servers.py) and `make bench`, which wrk
# drives.
redis:
	@command -v redis-server >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-server; }

# The Nu Html Checker (vnu.jar from npm, pinned) runs on Debian's Java: tests/test_html_validity.py.
VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
validator: $(VNU_JAR)
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }
$(VNU_JAR): | $(VENV)/bin/python
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq npm; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION)

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
