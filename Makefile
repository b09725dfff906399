# Set-up is part of every target: a fresh clone needs only `make demo` or `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# Two stamps: `make demo` installs the library and the model only; the other targets add the
# dev extra (test, lint, type and docs tools, pandas, dask, the notebook kernel).
MODEL_STAMP := $(VENV)/.model-stamp
STAMP := $(VENV)/.installed-stamp
SEED := seeds/witkoff-moscow.txt

.PHONY: demo test lint typecheck unit docs bench clean

$(MODEL_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[model]'
	touch $(MODEL_STAMP)

$(STAMP): $(MODEL_STAMP)
	$(PY) -m pip install -q -e '.[model,dev]'
	touch $(STAMP)

demo: $(MODEL_STAMP)
	$(PY) -m newsstruct $(SEED) --reference-date 2025-09-06
	@echo "environment: $$(du -sh $(VENV) | cut -f1) in $(VENV)"

lint: $(STAMP)
	$(VENV)/bin/ruff check newsstruct tests benchmarks

typecheck: $(STAMP)
	$(VENV)/bin/mypy

unit: $(STAMP)
	$(VENV)/bin/pytest -q --nbmake tests examples/quickstart.ipynb
	@[ -d ../shared/eval ] || echo "NOTE: ../shared/eval is not beside the checkout: the accuracy tests that read it were skipped."

docs: $(STAMP)
	$(VENV)/bin/sphinx-build -W --keep-going -q -b html docs docs/_build/html

test: lint typecheck docs unit

bench: $(STAMP)
	$(PY) benchmarks/speed.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build dist docs/_build
