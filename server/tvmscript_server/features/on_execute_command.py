"""``workspace/executeCommand``: the ``tvmscript.show*`` commands (uri, optional name → text).

``tvmscript.showIR`` prints the IR, ``tvmscript.showLoweredTIR`` the TIR lowered for the CPU,
``tvmscript.showLLVM`` the LLVM IR for the project's target (``[tool.tvmscript] target`` in a
``pyproject.toml`` above the file, else ``llvm``). What cannot be shown is said to the user
(``window/showMessage``) and answered with None.
"""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from lsprotocol import types

from tvmscript_server.guard import never_crash
from tvmscript_server.show_ir import ShowIRError, show_ir
from tvmscript_server.show_lowered import (
    DEFAULT_TARGET,
    SHOW_LLVM,
    SHOW_LOWERED_TIR,
    show_llvm,
    show_lowered_tir,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from pygls.workspace import TextDocument

    from tvmscript.analysis import Analysis
    from tvmscript_server.server import TVMScriptServer

SHOW_IR: Final = "tvmscript.showIR"

Shown: TypeAlias = "Callable[[TextDocument, Analysis, str | None], str]"
"""A command's text for a document, its analysis and the function name (None: all)."""


def _ir(document: TextDocument, analysis: Analysis, name: str | None) -> str:
    return show_ir(analysis.text, name, analysis)


def _lowered_tir(document: TextDocument, analysis: Analysis, name: str | None) -> str:
    return show_lowered_tir(analysis.text, name, analysis)


def _llvm(document: TextDocument, analysis: Analysis, name: str | None) -> str:
    from tvmscript.analysis.build_check import default_target, project_target

    target = project_target(document.path or "") or default_target()
    return show_llvm(analysis.text, name, analysis, target or DEFAULT_TARGET)


_COMMANDS: Final[dict[str, Shown]] = {
    SHOW_IR: _ir,
    SHOW_LOWERED_TIR: _lowered_tir,
    SHOW_LLVM: _llvm,
}


def register(server: TVMScriptServer) -> None:
    """The ``tvmscript.show*`` commands (declared in the server's capabilities)."""
    for command, shown in _COMMANDS.items():
        _register(server, command, shown)


def _register(server: TVMScriptServer, command: str, shown: Shown) -> None:
    @server.command(command)
    @never_crash
    def show_command(ls: Any, *args: Any) -> str | None:  # pygls resolves these hints
        ls = typing.cast("TVMScriptServer", ls)
        try:
            document, analysis, name = _arguments(ls, command, args)
            return shown(document, analysis, name)
        except ShowIRError as exc:
            ls.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=str(exc))
            )
            return None


def _arguments(
    ls: TVMScriptServer, command: str, args: tuple[Any, ...]
) -> tuple[TextDocument, Analysis, str | None]:
    """The document, its current analysis and the function name the arguments name."""
    arguments = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
    if not 1 <= len(arguments) <= 2 or not all(isinstance(a, str) for a in arguments):
        raise ShowIRError(f"{command}: expected arguments [uri] or [uri, function name]")
    uri = arguments[0]
    try:
        document = ls.workspace.get_text_document(uri)
        analysis = ls.analysis(document)  # (the current version's, for an open one)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ShowIRError(f"{command}: cannot read '{uri}': {exc}") from None
    return document, analysis, arguments[1] if len(arguments) == 2 else None
