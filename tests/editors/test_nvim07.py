"""The server in the system's Neovim (Debian's 0.7) through the shipped ``editors/nvim/init.lua``.

Skipped when ``nvim`` is absent, except in CI (``CI=true``), where `.ci/run` installs it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .nvim_probe import NVIM_DIR, check_features, run_probe

pytestmark = pytest.mark.lsp


def system_nvim() -> str:
    found = shutil.which("nvim")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nvim is missing in CI: .ci/run should have installed it")
        pytest.skip("nvim is not installed (apt-get install neovim)")
    return found


def test_nvim_init_lua_gives_diagnostics_hover_completion_and_formatting(tmp_path: Path) -> None:
    seen = run_probe(tmp_path, [system_nvim(), "--headless", "-u", str(NVIM_DIR / "init.lua")])
    check_features(seen)
