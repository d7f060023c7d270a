# bma-etl — `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= bma_warehouse.duckdb
STAMP  := $(VENV)/.installed
# DuckLake's extensions are built for DuckDB 1.5.5 (the [lake] extra); the main venv
# keeps the newer DuckDB, so the DuckLake tests and benchmark have their own venv.
LAKE_VENV  := .venv-lake
LAKE_STAMP := $(LAKE_VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help venv test lint fmt typecheck pytest lake-test schemas demo fixtures fuzz bench hostile robustness clean apt-install

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@# OCR of scanned PDFs needs Tesseract with its Thai model (Debian packages).
	@$(MAKE) --no-print-directory apt-install APT_CHECK='tesseract --list-langs 2>/dev/null | grep -qx tha' \
	  APT_PKGS='tesseract-ocr tesseract-ocr-tha' APT_WHY='OCR of scanned PDFs'
	@# The robustness corpus renders PDFs in the TLWG Thai fonts (Debian, small); the
	@# report's charts name them first, and its test checks Chromium draws Thai with them.
	@$(MAKE) --no-print-directory apt-install APT_CHECK='test -f /usr/share/fonts/truetype/tlwg/Garuda.ttf' \
	  APT_PKGS='fonts-thai-tlwg-ttf' APT_WHY='Thai fonts of the robustness corpus and the report'
	@# Noto Sans Thai and Noto Serif Thai, the Thai fonts of desktops with Noto installed:
	@# the tests of browser prints in them (tests/test_noto_prints.py) print with them.
	@$(MAKE) --no-print-directory apt-install \
	  APT_CHECK='test -f /usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf' \
	  APT_PKGS='fonts-noto-core' APT_WHY='the tests of PDFs printed in Noto Sans/Serif Thai'
	@# tests/test_report.py opens the HTML report in headless Chromium; the tests of
	@# browser-printed PDFs print generated pages with it too.
	@$(MAKE) --no-print-directory apt-install APT_CHECK='command -v chromium >/dev/null' \
	  APT_PKGS='chromium' APT_WHY='the report test and browser-printed PDFs (headless Chromium)'
	@# The tests of LibreOffice-printed PDFs (Word tables, narrow HTML tables) print
	@# generated documents with it.
	@$(MAKE) --no-print-directory apt-install APT_CHECK='command -v soffice >/dev/null' \
	  APT_PKGS='libreoffice-writer-nogui' APT_WHY='the tests of LibreOffice-printed PDFs'
	@# The watermark tests lay a watermark over generated prints with qpdf --overlay, as
	@# offices stamp copies.
	@$(MAKE) --no-print-directory apt-install APT_CHECK='command -v qpdf >/dev/null' \
	  APT_PKGS='qpdf' APT_WHY='the tests of watermarked PDFs'
	@# The tests of AbiWord's prints (.odt printed with abiword --to=pdf, through Pango).
	@$(MAKE) --no-print-directory apt-install APT_CHECK='command -v abiword >/dev/null' \
	  APT_PKGS='abiword' APT_WHY='the tests of PDFs printed by AbiWord'
	@# The tests of prints rewritten by cairo (pdftocairo -pdf, as offices re-save PDFs).
	@$(MAKE) --no-print-directory apt-install APT_CHECK='command -v pdftocairo >/dev/null' \
	  APT_PKGS='poppler-utils' APT_WHY='the tests of PDFs rewritten by pdftocairo'
	@# WeasyPrint (a dev extra) lays out with Pango: tests/test_weasyprint_prints.py.
	@$(MAKE) --no-print-directory apt-install \
	  APT_CHECK='ldconfig -p | grep -q libpangoft2-1.0.so.0' \
	  APT_PKGS='libpango-1.0-0 libpangoft2-1.0-0' APT_WHY='the tests of WeasyPrint prints'
	@# Ghostscript re-distils prints (text drawn as outlines: gs -dNoOutputFonts; junk
	@# text maps): tests/test_ocr_cut_rows.py, tests/test_outlined_text.py and others.
	@$(MAKE) --no-print-directory apt-install APT_CHECK='command -v gs >/dev/null' \
	  APT_PKGS='ghostscript' APT_WHY='the tests of PDFs re-distilled by Ghostscript'
	@# The tests of spreadsheet prints (a form kept in Calc) print generated sheets with Calc.
	@$(MAKE) --no-print-directory apt-install \
	  APT_CHECK='test -e /usr/lib/libreoffice/program/libsclo.so' \
	  APT_PKGS='libreoffice-calc-nogui' APT_WHY='the tests of spreadsheets printed by Calc'
	touch $(STAMP)

# Install APT_PKGS with apt-get unless APT_CHECK succeeds; as root or with password-less sudo.
apt-install:
	@if ! ( $(APT_CHECK) ); then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else echo "warning: install $(APT_PKGS) for $(APT_WHY)" >&2; SUDO=skip; fi; \
	  if [ "$$SUDO" != skip ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing $(APT_PKGS) with apt-get"; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	      --no-install-recommends $(APT_PKGS) >/dev/null; \
	  fi; \
	fi

venv: $(STAMP) ## Create .venv and install the package with dev extras

$(LAKE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(LAKE_VENV)
	$(LAKE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LAKE_VENV)/bin/python -m pip install --quiet -e '.[dev,lake]'
	@# The DuckLake tests start a throwaway PostgreSQL cluster (Debian package).
	@$(MAKE) --no-print-directory apt-install \
	  APT_CHECK='ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1' \
	  APT_PKGS='postgresql' APT_WHY='the DuckLake tests (a throwaway PostgreSQL)'
	touch $(LAKE_STAMP)

lake-test: $(LAKE_STAMP) ## DuckLake on a real PostgreSQL: tests/test_lake.py in .venv-lake
	BMA_ETL_REQUIRE_LAKE=1 $(LAKE_VENV)/bin/pytest tests/test_lake.py

lint: $(STAMP) ## ruff over src, tests and bench
	$(BIN)/ruff check src tests bench

fmt: $(STAMP) ## Format and fix imports
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

typecheck: $(STAMP) ## mypy with the pydantic plugin
	$(BIN)/mypy

pytest: $(STAMP) ## The test suite only
	$(BIN)/pytest

test: lint typecheck pytest lake-test ## Lint, type-check and run the whole suite (what CI runs)

schemas: $(STAMP) ## Rewrite schemas/ from the pydantic models
	$(BIN)/bma-etl schema --out schemas

demo: $(STAMP) ## Ingest samples/ into $(DB), then show a summary and an example query
	$(BIN)/bma-etl ingest samples --db $(DB) || [ $$? -eq 3 ]
	$(BIN)/bma-etl status --db $(DB)
	$(BIN)/bma-etl sql --db $(DB) "select project_code, fiscal_year_be, budget_allocated_thb, budget_spent_thb, progress_pct, status from projects order by project_code"

fixtures: $(STAMP) ## Rebuild tests/fixtures/pdf from samples/ (needs soffice, pdftoppm, qpdf)
	$(BIN)/python scripts/make_fixtures.py

fuzz: $(STAMP) ## Longer property/fuzz run of the detector and extractors
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/test_fuzz.py

bench: $(STAMP) $(LAKE_STAMP) ## Throughput and robustness benchmarks (each prints one machine-readable line)
	$(BIN)/python bench/bench.py
	$(LAKE_VENV)/bin/python bench/lake_scale.py

ROBUST_ARGS ?=
hostile: $(STAMP) ## A run over a FIFO, a /dev/zero link, a non-UTF-8 name and a 200 MB text file (HOSTILE_ARGS="--mb 200")
	$(BIN)/python bench/hostile.py $(HOSTILE_ARGS)

robustness: $(STAMP) ## Fields read right per medium, producer, font and dpi (ROBUST_ARGS="--n 4 --seed 7")
	$(BIN)/python bench/robustness.py $(ROBUST_ARGS)

clean: ## Remove the venv, caches and the demo warehouse
	rm -rf $(VENV) $(LAKE_VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis $(DB) $(DB).wal $(DB).lock
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
