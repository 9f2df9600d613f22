# plan_extract — the common tasks. `make extract` and `make test` set everything up themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RAW    ?= raw/plans/
CATALOGUE ?= raw/catalogue/
OUT    ?= output/
LOCK   := requirements.lock

.PHONY: extract test lint format docs goldens fixtures bench lock clean help

help:
	@echo "make extract   extract $(RAW) into $(OUT), track against $(CATALOGUE) (creates $(VENV) if missing)"
	@echo "make test      run the whole test suite"
	@echo "make lint      ruff + mypy"
	@echo "make docs      regenerate docs/schema.md and docs/datapackage.json from the schema"
	@echo "make goldens   rewrite tests/fixtures/*/expected from current output (review the diff!)"
	@echo "make fixtures  regenerate the fixture PDFs (installs LibreOffice and CJK fonts)"
	@echo "make bench     time and measure memory against bare pdfplumber (BENCH=--quick; BENCH='--only scaling')"
	@echo "make lock      refresh $(LOCK), the exact versions every install uses"
	@echo "make clean     remove $(VENV), $(OUT) contents and caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint $(LOCK) -e '.[test,dev,fixtures]'
	$(BIN)/python -m compileall -q src  # bytecode even where PYTHONDONTWRITEBYTECODE is set
	touch $(STAMP)

# The newest versions pyproject.toml allows, resolved in a clean virtualenv and frozen.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[test,dev,fixtures]'
	{ echo "# Exact versions of every dependency; made by \`make lock\`, used by every \`make\` install."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable; } > $(LOCK).new
	mv $(LOCK).new $(LOCK)
	rm -rf .lock-venv

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
	$(BIN)/python scripts/bench.py $(BENCH)

clean:
	rm -rf $(VENV) .lock-venv .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
	find $(OUT) -mindepth 1 ! -name README.md -delete 2>/dev/null || true
