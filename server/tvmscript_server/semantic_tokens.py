"""Semantic tokens for TVMScript names, from the symbol index.

Token types are LSP's standard ones, so every theme colours them without configuration
(VS Code's default themes and neovim's ``@lsp.type.*`` groups): ``parameter`` (function
parameters), ``variable`` (buffers, loop variables, block axes, scalars), ``function``
(module functions, ``cls.func``, macros), ``string`` (a block's name in ``T.sblock("...")``).
What TVMScript adds is in modifiers: the standard ``declaration`` (the binding occurrence)
and ``readonly`` (loop variables and block axes cannot be assigned), and custom ones a theme
or user may style — ``buffer``, ``loopVariable``, ``blockAxis``, ``blockName`` (e.g. VS Code
``"semanticTokenColorCustomizations": {"rules": {"*.buffer": ...}}``, neovim
``@lsp.mod.buffer``). Unknown modifiers are ignored by clients that do not style them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final, TypeAlias

if TYPE_CHECKING:
    from tvmscript.analysis import SymbolIndex, SymbolInfo
    from tvmscript.core.ir.span import Span

TOKEN_TYPES: Final = ("parameter", "variable", "function", "string")
TOKEN_MODIFIERS: Final = (
    "declaration",
    "readonly",
    "buffer",
    "loopVariable",
    "blockAxis",
    "blockName",
)
_TYPE: Final = {name: i for i, name in enumerate(TOKEN_TYPES)}
_MOD: Final = {name: 1 << i for i, name in enumerate(TOKEN_MODIFIERS)}
_KIND_MODIFIERS: Final = {
    "buffer": _MOD["buffer"],
    "loop_var": _MOD["loopVariable"] | _MOD["readonly"],
    "block_axis": _MOD["blockAxis"] | _MOD["readonly"],
    "block": _MOD["blockName"],
}

# (line, start, length) of a token in the client's units (0-based)
Locate: TypeAlias = "Callable[[Span], tuple[int, int, int]]"


def token_type(symbol: SymbolInfo) -> str:
    """The LSP token type of ``symbol``'s occurrences."""
    if symbol.parameter or symbol.kind == "param":
        return "parameter"
    if symbol.kind == "function":
        return "function"
    if symbol.kind == "block":
        return "string"
    return "variable"


def modifiers(symbol: SymbolInfo, declaration: bool) -> int:
    """The modifier bit set of one occurrence."""
    bits = _KIND_MODIFIERS.get(symbol.kind, 0)
    return bits | (_MOD["declaration"] if declaration else 0)


def encode(index: SymbolIndex, locate: Locate, lines: range | None = None) -> list[int]:
    """The LSP relative encoding of every occurrence (of the 0-based ``lines``, if given)."""
    data: list[int] = []
    prev_line = prev_start = 0
    last_end: tuple[int, int] = (-1, -1)
    for span, symbol, declaration in index.occurrences():
        if span.line != span.end_line:
            continue
        line, start, length = locate(span)
        if length <= 0 or (lines is not None and line not in lines):
            continue
        if (line, start) < last_end:  # overlapping tokens are not allowed
            continue
        delta_start = start - prev_start if line == prev_line else start
        data.extend(
            [
                line - prev_line,
                delta_start,
                length,
                _TYPE[token_type(symbol)],
                modifiers(symbol, declaration),
            ]
        )
        prev_line, prev_start = line, start
        last_end = (line, start + length)
    return data
