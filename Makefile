# Two commands on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
UV := .bootstrap/bin/uv
PY := .venv/bin/python
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: run test bench install lint check-static clean

$(UV):
	python3 -m venv .bootstrap
	.bootstrap/bin/pip install --quiet --disable-pip-version-check uv

.venv/.gesynchroniseerd: $(UV) uv.lock pyproject.toml
	$(UV) sync --locked --quiet
	touch $@

install: .venv/.gesynchroniseerd

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --silent

run: install
	DJANGO_DEBUG=true $(PY) manage.py migrate --no-input
	DJANGO_DEBUG=true $(PY) manage.py demo
	@echo "Open http://127.0.0.1:8000  (stoppen: Ctrl+C)"
	DJANGO_DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

test: install node_modules/.package-lock.json
	@bash scripts/test.sh $(ARGS)

bench: install
	@bash bench/run.sh $(ARGS)

lint: install
	$(PY) -m ruff check .

clean:
	rm -rf .venv .bootstrap node_modules var
