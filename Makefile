# bma-etl — `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= bma_warehouse.duckdb
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help venv test lint fmt typecheck pytest schemas demo fixtures fuzz bench clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@# OCR of scanned PDFs needs Tesseract with its Thai model (Debian packages).
	@if ! tesseract --list-langs 2>/dev/null | grep -qx tha; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else echo "warning: install tesseract-ocr and tesseract-ocr-tha for OCR of scanned PDFs" >&2; SUDO=skip; fi; \
	  if [ "$$SUDO" != skip ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing tesseract-ocr tesseract-ocr-tha with apt-get"; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	      --no-install-recommends tesseract-ocr tesseract-ocr-tha >/dev/null; \
	  fi; \
	fi
	touch $(STAMP)

venv: $(STAMP) ## Create .venv and install the package with dev extras

lint: $(STAMP) ## ruff over src, tests and bench
	$(BIN)/ruff check src tests bench

fmt: $(STAMP) ## Format and fix imports
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

typecheck: $(STAMP) ## mypy with the pydantic plugin
	$(BIN)/mypy

pytest: $(STAMP) ## The test suite only
	$(BIN)/pytest

test: lint typecheck pytest ## Lint, type-check and run the whole suite (what CI runs)

schemas: $(STAMP) ## Rewrite schemas/ from the pydantic models
	$(BIN)/bma-etl schema --out schemas

demo: $(STAMP) ## Ingest samples/ into $(DB), then show a summary and an example query
	$(BIN)/bma-etl ingest samples --db $(DB) || [ $$? -eq 3 ]
	$(BIN)/bma-etl status --db $(DB)
	$(BIN)/bma-etl sql --db $(DB) "select project_code, fiscal_year_be, budget_allocated_thb, budget_spent_thb, progress_pct, status from projects order by project_code"

fixtures: $(STAMP) ## Rebuild tests/fixtures/pdf from samples/ (needs soffice, pdftoppm, qpdf, tesseract)
	$(BIN)/python scripts/make_fixtures.py

fuzz: $(STAMP) ## Longer property/fuzz run of the detector and extractors
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/test_fuzz.py

bench: $(STAMP) ## Throughput benchmark (prints one machine-readable summary line)
	$(BIN)/python bench/bench.py

clean: ## Remove the venv, caches and the demo warehouse
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis $(DB) $(DB).wal $(DB).lock
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
