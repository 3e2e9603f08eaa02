# Everyday developer commands for Kommunpolis. Everything runs inside .venv;
# the system Python is used only to create it.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
# Extra arguments for pytest, e.g. `make test PYTEST_ARGS="-k bundle -x"`.
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv install run test lint bench clean translations

# Swedish is the source language; English comes from this catalogue.
TS := resources/translations/kommunpolis_en.ts
QM := resources/translations/kommunpolis_en.qm

# help: list the targets.
help:
	@echo "make run     install the app into .venv and start it"
	@echo "make test    install test tools into .venv and run the test suite (offscreen)"
	@echo "make lint    ruff check, ruff format --check, mypy"
	@echo "make bench   run the benchmarks (bench/run_all.py)"
	@echo "make translations  update the .ts catalogue from the code, then build the .qm"
	@echo "make install editable install of the app into .venv"
	@echo "make venv    create .venv"
	@echo "make clean   remove .venv, build output and caches"

# venv: create .venv once, with the interpreter named by PYTHON.
venv: $(PY)

$(PY):
	$(PYTHON) -m venv $(VENV)

# Stamp files: reinstall only when pyproject.toml (or setup.py) changes.
$(VENV)/.stamp-app: pyproject.toml setup.py | $(PY)
	$(PIP) install -e .
	@touch $@

$(VENV)/.stamp-dev: pyproject.toml setup.py | $(PY)
	$(PIP) install -e ".[test,dev]"
	@touch $@

# install: editable install of the app and its runtime dependencies.
install: $(VENV)/.stamp-app

# translations: refresh the catalogue from the source (after changing visible strings),
# then compile it. Translate new entries in the .ts (Qt Linguist: pyside6-linguist).
translations: $(VENV)/.stamp-app
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none -source-language sv_SE \
		-target-language en_GB $$(find kommunpolis/ui kommunpolis/app.py -name '*.py' | sort) \
		-ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(QM)

# The compiled catalogue is built, not committed.
$(QM): $(TS) $(VENV)/.stamp-app
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(QM)

# run: install, make sure Qt's system libraries are present (Linux), start the app.
run: install $(QM)
	@tools/check_qt_libs.sh
	$(VENV)/bin/kommunpolis

# test: install test tools and run pytest offscreen. pytest's exit code 5 means
# "no tests collected": a test run that runs nothing is a failure, say so plainly.
test: $(VENV)/.stamp-dev $(QM)
	@tools/test_tools.sh
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then \
		echo "ERROR: pytest collected no tests; a test run that runs nothing is a failure." >&2; \
	fi; \
	exit $$status

# lint: the same checks CI would ask for, without changing any file.
lint: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy kommunpolis tools bench

# bench: run the benchmark suite; results go to bench/out/.
bench: $(VENV)/.stamp-dev
	$(PY) bench/run_all.py

# clean: remove the virtual environment, build output and tool caches.
clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache bench/out
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
