"""Run Neovim headless on a TVMScript file with ``editors/nvim/probe.lua`` and read what it saw.

The file has an undefined name in its first kernel and loose spacing in the second, so one run
sees a diagnostic, hovers (a function, a buffer, ``T.grid``), completes after ``T.`` and formats.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Final

from conftest import REPO_ROOT

NVIM_DIR: Final = REPO_ROOT / "editors" / "nvim"

KERNELS: Final = textwrap.dedent("""\
    from tvm.script import ir as I
    from tvm.script import tirx as T


    @T.prim_func(s_tir=True)
    def exp_f32(A: T.Buffer((8, 32), "float32"), B: T.Buffer((8, 32), "float32")):
        for i, j in T.grid(8, 32):
            with T.sblock("B"):
                vi, vj = T.axis.remap("SS", [i, j])
                B[vi, vj] = T.exp(Q[vi, vj])


    @I.ir_module
    class Module:
        @T.prim_func(s_tir=True)
        def log_f32(A: T.Buffer((8, 32), "float32"), compute: T.Buffer((8, 32), "float32")):
            T.func_attr({"tirx.noalias": True})
            for i0, i1 in T.grid(8, 32):
                with T.sblock("compute"):
                    v_i0, v_i1 = T.axis.remap("SS", [i0, i1])
                    T.reads(A[v_i0, v_i1])
                    T.writes(compute[v_i0, v_i1])
                    compute[v_i0, v_i1] = T.log( A[v_i0,v_i1] )
""")
LOOSE: Final = "                compute[v_i0, v_i1] = T.log( A[v_i0,v_i1] )"
TIDY: Final = "                compute[v_i0, v_i1] = T.log(A[v_i0, v_i1])"


def run_probe(tmp_path: Path, nvim_args: list[str]) -> dict[str, Any]:
    """Open the kernels in ``nvim --headless`` + ``nvim_args``, run the probe, return its JSON.

    The server is this interpreter's (``$TVMSCRIPT_PYTHON``); Neovim's state and cache stay
    under ``tmp_path``. Asserts that the file on disk is untouched (formatting edits the buffer).
    """
    path = tmp_path / "kernels.py"
    path.write_text(KERNELS)
    out = tmp_path / "probe.json"
    env = {
        **os.environ,
        "TVMSCRIPT_PYTHON": sys.executable,
        "TVMSCRIPT_PROBE_OUT": str(out),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no user config
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),  # nvim's LSP log stays out of $HOME
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    command = [*nvim_args, str(path), "-c", f"luafile {NVIM_DIR / 'probe.lua'}"]
    run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, timeout=240)
    assert out.exists(), run.stderr.decode(errors="replace")[-2000:]
    assert path.read_text() == KERNELS
    seen: dict[str, Any] = json.loads(out.read_text())
    return seen


def check_features(seen: dict[str, Any]) -> None:
    """Diagnostics, hovers, completion and formatting as the server gives them."""
    assert (seen["attached"], seen["got_diagnostics"], seen["errors"]) == (True, True, [])
    assert [(d["code"], d["line"], d["col"], d["severity"]) for d in seen["diagnostics"]] == [
        ("undefined-name", 9, 30, 1)
    ]
    assert seen["diagnostics"][0]["message"] == "undefined name 'Q'"
    assert seen["hover_function"].startswith("```python\n")
    assert "def log_f32(" in seen["hover_function"]
    assert seen["hover_buffer"] == (
        '```python\nA: T.Buffer((8, 32), "float32")\n# scope: global (parameter)\n```'
    )
    assert seen["hover_grid"].startswith("```python\nT.grid(")
    assert "match_buffer" in seen["completion"]
    assert "grid" in seen["completion"]
    formatted = seen["formatted"]
    assert TIDY in formatted
    assert LOOSE not in formatted
    broken = KERNELS.splitlines()[:12]  # imports and the kernel with the error: left alone
    assert formatted[:12] == broken
