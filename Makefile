# plan_extract — the common tasks. `make extract` and `make test` set everything up themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RAW    ?= raw/plans/
CATALOGUE ?= raw/catalogue/
OUT    ?= output/

.PHONY: extract test lint format docs goldens fixtures bench clean help

help:
	@echo "make extract   extract $(RAW) into $(OUT), track against $(CATALOGUE) (creates $(VENV) if missing)"
	@echo "make test      run the whole test suite"
	@echo "make lint      ruff + mypy"
	@echo "make docs      regenerate docs/schema.md and docs/datapackage.json from the schema"
	@echo "make goldens   rewrite tests/fixtures/*/expected from current output (review the diff!)"
	@echo "make fixtures  regenerate the fixture PDFs (installs LibreOffice and CJK fonts)"
	@echo "make bench     time and measure memory of an extraction"
	@echo "make clean     remove $(VENV), $(OUT) contents and caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev,fixtures]'
	touch $(STAMP)

# Extract the plans; then, when catalogue snapshots are there, track promises against them.
# (Exit code 1 of extract means "some document had problems": the tables are written anyway.)
extract: $(STAMP)
	$(BIN)/plan-extract extract $(RAW) --out $(OUT) || test $$? -eq 1
	@if ls $(CATALOGUE) 2>/dev/null | grep -qE '\.(csv|json|jsonl)$$'; then \
		$(BIN)/plan-extract track --tables $(OUT) $(CATALOGUE); \
	else echo "no catalogue snapshots in $(CATALOGUE): promise tracking skipped"; fi

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

docs: $(STAMP)
	$(BIN)/plan-extract schema --docs docs/

goldens: $(STAMP)
	$(BIN)/python scripts/update_goldens.py

fixtures: $(STAMP)
	bash scripts/install_fixture_tools.sh
	$(BIN)/python scripts/make_fixture_pdfs.py
	$(BIN)/python scripts/make_layout_fixtures.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
	find $(OUT) -mindepth 1 ! -name README.md -delete 2>/dev/null || true
