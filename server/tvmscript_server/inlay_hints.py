"""Inlay hints: what the parser inferred and the text does not say, shown after a name.

Two hints, both `SymbolInfo.inferred` of the document's symbol index (the analysis every
feature shares; nothing is parsed again):

- an unannotated scalar binding, ``x = A[i] * 2`` (TVM prints ``x: T.float32 = ...``): its
  dtype, ``: T.float32``, right after the name;
- a block axis of ``T.axis.remap("SR", [i, k])``: its kind and domain, ``: spatial(128)``
  after ``vi`` and ``: reduce(64)`` after ``vk`` (the kind letters are easy to misread).

Each symbol kind has one hint maker (`HINT_MAKERS`): Relax struct info on unannotated
bindings is one more maker, for the kind its symbols will have.

Positions are 1-based (line, character column), as spans; the end of a range is inclusive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

if TYPE_CHECKING:
    from tvmscript.analysis import SymbolIndex, SymbolInfo

HintKind = Literal["type", "parameter"]
Position = tuple[int, int]
HintMaker: TypeAlias = "Callable[[SymbolInfo, Sequence[str]], Hint | None]"

# `SymbolInfo.inferred` holds what to show: a scalar has it when an unannotated `=` bound it to
# a value (TVM 0.27: a local scalar, printed `x: T.float32 = ...`); other scalars (`n =
# T.int32()` declares a variable, `x = n` renames one) print no annotation, and have none.
_REMAP: Final = re.compile(r"\baxis\s*\.\s*remap\s*\(")
_ANNOTATED: Final = re.compile(r"\s*:")


@dataclass(frozen=True, slots=True)
class Hint:
    """One inlay hint: ``label`` shown before 1-based ``(line, column)``."""

    line: int
    column: int
    label: str
    kind: HintKind
    tooltip: str = ""

    @property
    def position(self) -> Position:
        return self.line, self.column


def inlay_hints(
    index: SymbolIndex,
    lines: Sequence[str],
    start: Position | None = None,
    end: Position | None = None,
) -> list[Hint]:
    """The hints of a file (its ``lines``, without line ends) between ``start`` and ``end``."""
    hints = []
    for symbol in index.symbols:
        span = symbol.span
        if start is not None and (span.end_line, span.end_column) < start:
            continue
        if end is not None and (span.end_line, span.end_column) > end:
            continue
        maker = HINT_MAKERS.get(symbol.kind)
        if maker is not None and (hint := maker(symbol, lines)) is not None:
            hints.append(hint)
    hints.sort(key=lambda h: h.position)
    return hints


def scalar_hint(symbol: SymbolInfo, lines: Sequence[str]) -> Hint | None:
    """``: T.float32`` after a scalar an unannotated assignment bound."""
    if not symbol.inferred or _annotated(symbol, lines):
        return None
    span = symbol.span
    return Hint(span.end_line, span.end_column, f": {symbol.inferred}", "type")


def axis_hint(symbol: SymbolInfo, lines: Sequence[str]) -> Hint | None:
    """``: spatial(128)`` after a block axis ``T.axis.remap`` bound."""
    if not symbol.inferred or not _remapped(symbol, lines):
        return None
    span = symbol.span
    return Hint(span.end_line, span.end_column, f": {symbol.inferred}", "type", symbol.detail)


HINT_MAKERS: Final[dict[str, HintMaker]] = {
    "scalar": scalar_hint,
    "block_axis": axis_hint,
}
"""The hint maker of each symbol kind (kinds without one get no hint)."""


def _line(lines: Sequence[str], line: int) -> str:
    return lines[line - 1] if 1 <= line <= len(lines) else ""


def _annotated(symbol: SymbolInfo, lines: Sequence[str]) -> bool:
    """Whether the user wrote a type after the name (``x: T.int32 = ...``)."""
    span = symbol.span
    return _ANNOTATED.match(_line(lines, span.end_line), span.end_column - 1) is not None


def _remapped(symbol: SymbolInfo, lines: Sequence[str]) -> bool:
    """Whether the statement binding ``symbol`` is a ``T.axis.remap`` call."""
    node = symbol.node if symbol.node is not None else symbol.span
    text = " ".join(_line(lines, n) for n in range(node.line, node.end_line + 1))
    return _REMAP.search(text) is not None
