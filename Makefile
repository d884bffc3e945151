# Two commands for a fresh machine (Python 3.11+):
#   make run    install into .venv and open the app on the bundled AWS decks
#   make test   install with the test extra into .venv and run the whole suite
#   make i18n   refresh and compile the interface translations (flashcards/gui/i18n)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_APP := $(VENV)/.installed-app
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint bench i18n clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_APP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_APP)

run: $(STAMP_APP)
	$(BIN)/flashcards gui

test: $(STAMP_TEST)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m pytest

lint: $(STAMP_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy flashcards

# Interface translations: refresh the .ts sources from the code, then compile the .qm files.
i18n: $(STAMP_APP)
	$(BIN)/pyside6-lupdate flashcards/gui/*.py -ts flashcards/gui/i18n/flashcards_ko.ts \
		-no-obsolete -locations none
	$(BIN)/pyside6-lrelease flashcards/gui/i18n/flashcards_ko.ts \
		-qm flashcards/gui/i18n/flashcards_ko.qm

bench: $(STAMP_TEST)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
