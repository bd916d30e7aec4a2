"""The server answers ``initialize`` before it loads the language: nothing heavy at start-up."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, sys
from tvmscript_server.server import create_server
create_server()
print(json.dumps(sorted(m for m in sys.modules if m.startswith("tvmscript"))))
"""


def test_creating_the_server_loads_no_parser_printer_or_analysis() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = json.loads(done.stdout)
    heavy = ("tvmscript.analysis", "tvmscript.script.parser", "tvmscript.script.printer")
    assert [m for m in loaded if m.startswith(heavy)] == []
    assert [m for m in loaded if m.startswith(("tvmscript.core.tir", "tvmscript.stubgen"))] == []
