# Every target sets up what it needs: a fresh machine only has python3 and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install when the metadata changes, or when a package directory appears after the first
# install (setuptools' editable finder only maps the top-level packages it saw).
STAMP := $(VENV)/.installed.stamp
PKG_INITS := $(wildcard tvmscript/__init__.py server/tvmscript_server/__init__.py)

EXAMPLES := $(sort $(wildcard examples/*.py))
BENCHES := $(sort $(wildcard tests/benchmarks/bench_*.py))
# pyproject's [tool.mypy] files, less any not written yet (mypy stops on a missing path).
MYPY_PATHS := $(wildcard tvmscript server/tvmscript_server)

.PHONY: venv demo test lint bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml $(PKG_INITS)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "tvmscript needs Python >= 3.11, $(PYTHON) is " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: venv
	$(BIN)/tvmscript check examples/
	@set -e; for f in $(EXAMPLES); do echo "== tvmscript print $$f"; $(BIN)/tvmscript print $$f; done

test: venv
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(if $(MYPY_PATHS),$(BIN)/mypy $(MYPY_PATHS),@echo "mypy: no package written yet")

bench: venv
	@set -e; for f in $(BENCHES); do echo "== $$f"; $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis
