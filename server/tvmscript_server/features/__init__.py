"""The LSP wiring: one module per feature, named ``on_<request>`` after what it answers.

Each module has ``register(server)``, which declares its handlers: they read the document (and
the server's shared state: `TVMScriptServer.analysis`, `TVMScriptServer.stub_index`), call the
feature's pure function (``tvmscript_server.hover.hover_at``, ...) and convert its answer to
lsprotocol types. `register_all` finds the modules by listing this package, so a new feature is
one new file.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer


def register_all(server: TVMScriptServer) -> None:
    """Register every feature module of this package on ``server`` (in name order)."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda found: found.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(server)
