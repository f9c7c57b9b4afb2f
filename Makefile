# PeerGraph: `make run` serves the app with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test lint bench clean db-stop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/peergraph db start
	$(BIN)/peergraph db migrate
	$(BIN)/peergraph demo load
	$(BIN)/peergraph serve --host $(HOST) --port $(PORT)

lint: install-test
	$(BIN)/ruff check peergraph tests bench server.py
	$(BIN)/mypy

test: install-test lint
	$(BIN)/python -m pytest tests

bench: install-test
	$(BIN)/python bench/dedup_quality.py
	$(BIN)/python bench/author_disambiguation.py
	$(BIN)/python bench/ingest_throughput.py
	$(BIN)/python bench/graphql_latency.py
	$(BIN)/python bench/trust_recompute.py

db-stop: install
	$(BIN)/peergraph db stop

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-output
