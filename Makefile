# One entry point per task. Each target creates its own virtual environment,
# so a fresh machine with python3 and make is enough.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo test lint typecheck pytest bench templates check-templates wheel-check clean

$(BIN)/.installed-base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(BIN)/.installed-test: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(BIN)/.installed-base

## demo: write the four example documents (and PDFs when LibreOffice is installed) to out/
demo: $(BIN)/.installed-base
	$(BIN)/samenbloeien-docs demo --out $(OUT) --force

## test: lint, type-check, check the shipped templates against their builder, run the tests
test: $(BIN)/.installed-test lint typecheck check-templates wheel-check pytest

lint: $(BIN)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/.installed-test
	$(BIN)/mypy

pytest: $(BIN)/.installed-test
	$(BIN)/pytest

## templates: rebuild the default Word templates from tools/build_templates.py
templates: $(BIN)/.installed-test
	$(BIN)/python tools/build_templates.py src/samenbloeien_docs/templates

check-templates: $(BIN)/.installed-test
	$(BIN)/python tools/build_templates.py --check src/samenbloeien_docs/templates

## wheel-check: build the wheel, install only it in a fresh venv, import the public API, render
wheel-check: $(BIN)/.installed-test
	rm -rf build/wheel build/venv
	$(BIN)/python -m pip wheel -q --no-deps -w build/wheel .
	$(PYTHON) -m venv build/venv
	build/venv/bin/python -m pip install -q build/wheel/*.whl
	cd build && venv/bin/python -c "from samenbloeien_docs import DOCUMENT_KINDS, example, structure, unstructure, json_schema, SamenbloeienError, InvalidInputError, render; \
	[structure(unstructure(example(k)), c) == example(k) or exit(1) for k, c in DOCUMENT_KINDS.items()]; assert json_schema('mayors-letter')['properties']['letter_date']['description'] == 'Datum van de brief.'; \
	print('wheel ok:', [render(example(k)).filename for k in DOCUMENT_KINDS])"

## bench: speed against plain docxtpl and a cold LibreOffice (prints a table and a JSON line)
bench: $(BIN)/.installed-test
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache
