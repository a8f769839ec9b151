PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench evaluate clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,camelot]'
	$(PY) -m compileall -q dhrplan extract normalize output
	touch $(STAMP)

demo: setup
	$(VENV)/bin/dhrplan convert samples -o out --format json,csv --combine

test: setup
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check .

evaluate: setup
	$(PY) benchmarks/evaluate_corpus.py

bench: setup
	$(PY) benchmarks/bench.py samples/*.pdf

clean:
	rm -rf out .pytest_cache
