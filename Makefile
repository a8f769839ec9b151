PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench clean screenshot

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,camelot]'
	$(PY) -m compileall -q dhrplan extract normalize output
	touch $(STAMP)

demo: setup
	$(VENV)/bin/dhrplan convert samples -o out --format json,csv --combine --review

# the README's picture of a review page: the tool's page for the Lily PDF in headless Chromium
screenshot: demo
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
	  --hide-scrollbars --window-size=1100,760 --screenshot=docs/review.png \
	  "file://$(CURDIR)/out/somerset-dhr-lily-action-plan.pdf.review.html"
	$(PY) -c "from PIL import Image; Image.open('docs/review.png').convert('RGB').quantize(64).save('docs/review.png', optimize=True)"

test: setup
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check .

bench: setup
	$(PY) benchmarks/bench.py samples/*.pdf

clean:
	rm -rf out .pytest_cache
