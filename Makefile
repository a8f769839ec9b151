PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
CLEANED := out .pytest_cache .ruff_cache

.PHONY: setup setup-run demo test lint bench evaluate clean distclean screenshot

# what running needs (make demo); testing adds the test tools and the camelot extra
setup-run: $(RUN_STAMP)
setup: $(TEST_STAMP)

# a .venv whose Python is missing, too old or broken (a set-up that failed half-way, an
# older python3) is made again rather than reused
VENV_OK := $(shell $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo yes)
ifneq ($(VENV_OK),yes)
$(shell rm -f $(RUN_STAMP) $(TEST_STAMP))
endif

$(RUN_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "dhrplan needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) -V 2>&1)." \
	         "Run: make PYTHON=python3.11 ..." >&2; exit 1; }
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
	  { echo "making $(VENV) with $(PYTHON)"; rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	$(PY) -m compileall -q dhrplan extract normalize output
	touch $(RUN_STAMP)

$(TEST_STAMP): $(RUN_STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test,camelot]'
	touch $(TEST_STAMP)

demo: setup-run
	$(VENV)/bin/dhrplan convert samples -o out --format json,csv --combine --review --as-of 2026-12-01

# the README's picture of a review page: the tool's page for the Lily PDF in headless Chromium
screenshot: demo
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
	  --hide-scrollbars --window-size=1280,800 --virtual-time-budget=3000 \
	  --screenshot=docs/review.png \
	  "file://$(CURDIR)/out/somerset-dhr-lily-action-plan.pdf.review.html#record=r0&action=1"
	$(PY) -c "from PIL import Image; Image.open('docs/review.png').convert('RGB').quantize(64).save('docs/review.png', optimize=True)"

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
	@echo "removing $(CLEANED) (the demo's output and the tools' caches; .venv stays: make distclean)"
	rm -rf $(CLEANED)

distclean: clean
	@echo "removing $(VENV)"
	rm -rf $(VENV)
