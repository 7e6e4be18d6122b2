# giaoban — two commands: `make run` (demo on http://127.0.0.1:8000) and `make test` (every test).
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=
# Compiled translations are built from the .po files (msgfmt comes with Debian's gettext).
PO := $(wildcard giaoban/locale/*/LC_MESSAGES/django.po giaoban/*/locale/*/LC_MESSAGES/django.po)
MO := $(PO:.po=.mo)

.PHONY: run test test-sqlite test-postgres check messages bench clean

# The venv's own setuptools may be older than pyproject's build requirement: `pip install -e .`
# lets pip fetch one (isolated build), falling back to the venv's when offline.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PY) -c 'import sys; assert sys.version_info >= (3, 11), "giaoban needs Python 3.11+"'
	$(PY) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian run 'apt-get install python3-venv'"; exit 1; }
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e . \
	  || $(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

%.mo: %.po
	@if command -v msgfmt >/dev/null; then msgfmt --check-format -o $@ $<; \
	elif [ -f $@ ]; then echo "msgfmt not found (apt-get install gettext): keeping $@"; \
	else echo "msgfmt not found: apt-get install gettext to compile $<"; exit 1; fi

run: $(STAMP) $(MO)
	$(BIN)/giaoban run

# SQLite (all tests, browser included), then PostgreSQL on a private server on loopback.
test: test-sqlite test-postgres

test-sqlite: $(STAMP) $(MO)
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: $(STAMP) $(MO)
	$(BIN)/python bin/with-postgres $(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

# The checks that keep the code as it is meant to be (run by .ci/run before the tests):
# lint and format, strict typing of the pure packages, no model change without its migration,
# Django's deployment checks under the documented production environment, the layout rules.
# Warnings fail too: the documented TLS-front settings (HSTS, SSL redirect) leave none.
MYPY_STRICT ?= giaoban/periods giaoban/extraction
DEPLOY_FAIL_LEVEL ?= WARNING
check: $(STAMP) $(MO)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict $(MYPY_STRICT)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python bin/check-deploy --fail-level $(DEPLOY_FAIL_LEVEL)
	$(BIN)/pytest -q giaoban/core/tests/test_layout.py

messages: $(STAMP)
	cd giaoban && ../$(BIN)/giaoban makemessages -l vi -l en --no-obsolete && ../$(BIN)/giaoban compilemessages

bench: $(STAMP)
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) var .pytest_cache
