# Two commands on a fresh machine (Python >= 3.11 with venv):
#   make run   - set up, build the sample warehouse if it is missing, serve the dashboard
#   make test  - set up, run the whole test suite (browser tests need chromium, chromium-driver
#                and fonts-wqy-microhei: `sudo scripts/install-system-packages`)

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
WAREHOUSE ?= warehouse.duckdb
DEMO := data/demo
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: setup run warehouse test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

$(DEMO)/gold.jsonl: | setup
	$(PY) -m etl generate-demo --out $(DEMO) --agencies 40 --years 2019-2024 --seed 0

$(WAREHOUSE): | $(DEMO)/gold.jsonl
	$(PY) -m etl run --source data/reports --source $(DEMO)/reports --warehouse $(WAREHOUSE)

warehouse: $(WAREHOUSE)

run: setup $(WAREHOUSE)
	$(PY) -m dashboard --warehouse $(WAREHOUSE) --host $(HOST) --port $(PORT)

test: setup
	$(PY) -m pytest --headless
