# Two commands on a fresh machine: `make run` and `make test` (see README.md).
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-dev
PIPQ   := --quiet --disable-pip-version-check

.PHONY: run test test-all lint format types bench clean browser

$(PY):
	python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install $(PIPQ) -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## set up and run miner on corpus/ into outputs/
	$(PY) -m miner run corpus -o outputs

test: $(STAMP) lint types browser  ## set up, lint, type-check and run the tests (what CI runs)
	$(PY) -m pytest

test-all: $(STAMP) lint  ## the tests marked slow too
	$(PY) -m pytest -m ""

lint: $(STAMP)
	$(PY) -m ruff check miner tests
	$(PY) -m ruff format --check miner tests

format: $(STAMP)
	$(PY) -m ruff format miner tests
	$(PY) -m ruff check --fix miner tests

types: $(STAMP)
	$(PY) -m mypy miner

# Debian's chromium and its driver for tests/report/test_browser.py, and a CJK font so its
# screenshots show Chinese; nothing is downloaded by selenium itself. Without root the test is
# skipped, and this says so (under CI the test fails instead).
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null \
		&& fc-list :lang=zh | grep -q .; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium chromium-driver fonts-wqy-microhei >/dev/null; \
	else \
		echo "make browser: not root, cannot install chromium; the browser test will be SKIPPED"; \
	fi

bench: $(STAMP)  ## speed figures as JSON in outputs/bench/ (the scale part takes ~40 min)
	$(PY) -m miner.bench --out outputs/bench/bench.json
	$(PY) -m miner.scale_bench --out outputs/bench/scale.json

clean:
	rm -rf $(VENV) outputs/*.parquet outputs/*.csv outputs/*.duckdb outputs/.miner-cache .pytest_cache .ruff_cache
