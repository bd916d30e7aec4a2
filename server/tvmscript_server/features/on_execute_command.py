"""``workspace/executeCommand``: ``tvmscript.showIR`` (uri, optional function name → text)."""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from tvmscript_server.guard import never_crash
from tvmscript_server.show_ir import ShowIRError, show_ir

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer

SHOW_IR = "tvmscript.showIR"


def register(server: TVMScriptServer) -> None:
    """The ``tvmscript.showIR`` command (declared in the server's capabilities)."""

    @server.command(SHOW_IR)
    @never_crash
    def show_ir_command(ls: Any, *args: Any) -> str | None:  # pygls resolves these hints
        ls = typing.cast("TVMScriptServer", ls)
        arguments = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
        try:
            if not 1 <= len(arguments) <= 2 or not all(isinstance(a, str) for a in arguments):
                raise ShowIRError(f"{SHOW_IR}: expected arguments [uri] or [uri, function name]")
            uri = arguments[0]
            try:
                document = ls.workspace.get_text_document(uri)
                analysis = ls.analysis(document)  # (the current version's, for an open one)
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                raise ShowIRError(f"{SHOW_IR}: cannot read '{uri}': {exc}") from None
            return show_ir(analysis.text, arguments[1] if len(arguments) == 2 else None, analysis)
        except ShowIRError as exc:
            ls.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=str(exc))
            )
            return None
