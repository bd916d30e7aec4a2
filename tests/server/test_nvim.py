"""The server in a real editor: headless Neovim with editors/nvim/init.lua.

Skipped when ``nvim`` is absent, except in CI (``CI=true``), where `.ci/run` installs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO_ROOT

pytestmark = pytest.mark.lsp

NVIM_DIR = REPO_ROOT / "editors" / "nvim"
DATA = Path(__file__).parent / "data"  # corpus programs, copied


def nvim() -> str:
    found = shutil.which("nvim")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nvim is missing in CI: .ci/run should have installed it")
        pytest.skip("nvim is not installed (apt-get install neovim)")
    return found


def kernel_file() -> str:
    """Two corpus kernels with TVM's imports: an error in the first, loose spacing in the second."""
    first = (DATA / "0001_exp_f32_8x32.py").read_text()
    second = (DATA / "0002_log_f32_8x32.py").read_text()
    first = first.replace("# from tvm.script import", "from tvm.script import")
    first = first.replace("# from tvm.tirx.layout import Axis\n", "")
    first = first.replace("T.exp(A[v_i0, v_i1])", "T.exp(Q[v_i0, v_i1])")
    second = second.split("\n", 3)[3].replace("class Module:", "class Module2:")
    second = second.replace("T.log(A[v_i0, v_i1])", "T.log( A[v_i0,v_i1] )")
    return first + "\n" + second


def test_nvim_shows_diagnostics_hovers_and_formats(tmp_path: Path) -> None:
    path = tmp_path / "kernels.py"
    path.write_text(kernel_file())
    out = tmp_path / "probe.json"
    env = {
        **os.environ,
        "TVMSCRIPT_PYTHON": sys.executable,
        "TVMSCRIPT_PROBE_OUT": str(out),
        "XDG_STATE_HOME": str(tmp_path / "state"),  # nvim's LSP log stays out of $HOME
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    command = [
        nvim(),
        "--headless",
        "-u",
        str(NVIM_DIR / "init.lua"),
        str(path),
        "-c",
        f"luafile {NVIM_DIR / 'probe.lua'}",
    ]
    run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert out.exists(), run.stderr.decode(errors="replace")[-2000:]
    seen = json.loads(out.read_text())
    assert (seen["attached"], seen["got_diagnostics"], seen["errors"]) == (True, True, [])
    assert [(d["code"], d["line"], d["col"], d["severity"]) for d in seen["diagnostics"]] == [
        ("undefined-name", 14, 44, 1)
    ]
    assert "def log_f32_8x32(" in seen["hover_function"]
    assert "@T.prim_func" in seen["hover_function"]
    assert seen["hover_grid"].startswith("```python\nT.grid(")
    formatted = seen["formatted"]
    assert "                compute[v_i0, v_i1] = T.log(A[v_i0, v_i1])" in formatted
    assert "                compute[v_i0, v_i1] = T.exp(Q[v_i0, v_i1])" in formatted  # kept
    assert path.read_text() == kernel_file()  # formatting edits the buffer, not the file
