# The README's commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1:8000

.PHONY: run test install install-dev migrate demo serve lint format check messages admin-messages-check clean prod-local bench fonts icons screenshots

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo

## Set up everything and serve the demo site at http://$(HOST)
run: demo
	$(PY) manage.py runserver $(HOST)

# The Nu HTML checker (npm vnu-jar, run with Debian's java) for the HTML validity test; pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## Lint, format check, Django checks, migrations check and the whole test suite
test: install-dev node_modules/.installed
	.ci/ensure-chromium
	.ci/ensure-front
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(BIN)/pytest --create-db --durations=10 $(PYTEST_ARGS)

## The demo behind the production front (nginx → Varnish → gunicorn → PostgreSQL, Redis) at http://127.0.0.1:8080
prod-local: install-dev
	.ci/ensure-front
	$(PY) -m deploy.stack prod-local

## Requests/s and latency of the whole front, page cache off and on (about five minutes)
bench: install-dev
	.ci/ensure-front
	$(PY) -m deploy.bench

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Regenerate the English translation catalogue and compile it (needs GNU gettext)
messages: install
	$(PY) manage.py makemessages --locale en --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'test-artifacts/*'
	$(PY) manage.py compilemessages --ignore '.venv/*'

## Report Wagtail's admin strings that the Danish admin catalogue (cms/admin_locale) lacks for the installed Wagtail
admin-messages-check: install-dev
	$(PY) manage.py admin_messages check

FIGTREE := node_modules/@fontsource-variable/figtree
## Copy the site font (npm @fontsource-variable/figtree, pinned in package.json) and its licence into the static files
fonts: node_modules/.installed
	cp $(FIGTREE)/files/figtree-latin-wght-normal.woff2 $(FIGTREE)/files/figtree-latin-wght-italic.woff2 \
		$(FIGTREE)/files/figtree-latin-ext-wght-normal.woff2 cms/static/cms/fonts/
	cp $(FIGTREE)/LICENSE cms/static/cms/fonts/OFL.txt

## Draw the PNG icons (favicon, apple-touch-icon) from the logo mark cms/static/cms/img/favicon.svg
icons: install-dev
	$(PY) -m tools.make_icons

## Screenshots of the redesigned pages at 375 and 1280 px into docs/screenshots/ (needs `make run` in another terminal)
screenshots: install-dev
	$(PY) -m tools.screenshots --base-url http://$(HOST)

clean:
	rm -rf $(VENV) staticfiles test-artifacts node_modules
