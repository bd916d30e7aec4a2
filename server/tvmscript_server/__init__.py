"""tvmscript_server: the TVMScript language server (pygls 2.x).

It reads text only: a user's file is never imported or run.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
