# margin_rules: two commands do everything on a fresh machine with Python 3.11 and make:
#   make prove   # builds .venv, runs the verification harness, writes reports/
#   make test    # builds .venv, runs ruff and mypy --strict, then the test suite
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all venv test prove lint typecheck bench mutate report clean

all: test prove

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

test: $(STAMP) lint typecheck
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy margin_rules
	$(BIN)/mypy proofs specs bench canaries

prove: $(STAMP)
	$(BIN)/python -m proofs

report: $(STAMP)
	$(BIN)/python -m proofs.report

bench: $(STAMP)
	$(BIN)/python -m bench

mutate: $(STAMP)
	$(BIN)/python -m proofs.mutation

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis mutants build *.egg-info
