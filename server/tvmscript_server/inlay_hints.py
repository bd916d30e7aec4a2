"""Inlay hints: what the parser inferred and the text does not say, shown after a name.

Three hints, all `SymbolInfo.inferred` of the document's symbol index (the analysis every
feature shares; nothing is parsed again):

- an unannotated scalar binding, ``x = A[i] * 2`` (TVM prints ``x: T.float32 = ...``): its
  dtype, ``: T.float32``, right after the name;
- a block axis of ``T.axis.remap("SR", [i, k])``: its kind and domain, ``: spatial(128)``
  after ``vi`` and ``: reduce(64)`` after ``vk`` (the kind letters are easy to misread);
- an unannotated Relax binding, ``lv = R.add(x, y)``: its struct info as TVM prints the
  annotation, ``: R.Tensor((n, 4), dtype="float32")`` (none where TVM prints none: an
  ``R.call_tir`` whose ``out_ty`` says it); the variable of an ``if`` gets it after the
  assignment ending each branch, as TVM prints them.

Each symbol kind has one hint maker (`HINT_MAKERS`).

Positions are 1-based (line, character column), as spans; the end of a range is inclusive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

if TYPE_CHECKING:
    from tvmscript.analysis import SymbolIndex, SymbolInfo
    from tvmscript.core.ir.span import Span

HintKind = Literal["type", "parameter"]
Position = tuple[int, int]
HintMaker: TypeAlias = "Callable[[SymbolInfo, Sequence[str]], tuple[Hint, ...]]"

# `SymbolInfo.inferred` holds what to show: a scalar has it when an unannotated `=` bound it to
# a value (TVM 0.27: a local scalar, printed `x: T.float32 = ...`); other scalars (`n =
# T.int32()` declares a variable, `x = n` renames one) print no annotation, and have none.
_REMAP: Final = re.compile(r"\baxis\s*\.\s*remap\s*\(")
_ANNOTATED: Final = re.compile(r"\s*:")
_ASSIGNED: Final = re.compile(r"\s*(?::|=(?!=))")


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
        maker = HINT_MAKERS.get(symbol.kind)
        if maker is None or not symbol.inferred:
            continue
        for hint in maker(symbol, lines):
            if start is not None and hint.position < start:
                continue
            if end is not None and hint.position > end:
                continue
            hints.append(hint)
    hints.sort(key=lambda h: h.position)
    return hints


def scalar_hint(symbol: SymbolInfo, lines: Sequence[str]) -> tuple[Hint, ...]:
    """``: T.float32`` after a scalar an unannotated assignment bound."""
    if not symbol.inferred or _annotated(symbol.span, lines):
        return ()
    span = symbol.span
    return (Hint(span.end_line, span.end_column, f": {symbol.inferred}", "type"),)


def axis_hint(symbol: SymbolInfo, lines: Sequence[str]) -> tuple[Hint, ...]:
    """``: spatial(128)`` after a block axis ``T.axis.remap`` bound."""
    if not symbol.inferred or not _remapped(symbol, lines):
        return ()
    span = symbol.span
    return (Hint(span.end_line, span.end_column, f": {symbol.inferred}", "type", symbol.detail),)


def relax_hint(symbol: SymbolInfo, lines: Sequence[str]) -> tuple[Hint, ...]:
    """``: R.Tensor((n, 4), dtype="float32")`` after each unannotated target of a Relax variable.

    Its targets: the name it binds, and for the variable of an ``if`` the other branch's
    assignment (a reference written as an assignment target).
    """
    if not symbol.inferred:
        return ()
    label = f": {symbol.inferred}"
    targets = [symbol.span, *(r for r in symbol.references if _assigned(r, lines))]
    return tuple(
        Hint(span.end_line, span.end_column, label, "type")
        for span in targets
        if not _annotated(span, lines)
    )


HINT_MAKERS: Final[dict[str, HintMaker]] = {
    "scalar": scalar_hint,
    "block_axis": axis_hint,
    "relax_var": relax_hint,
}
"""The hint maker of each symbol kind (kinds without one get no hint)."""


def _line(lines: Sequence[str], line: int) -> str:
    return lines[line - 1] if 1 <= line <= len(lines) else ""


def _annotated(span: Span, lines: Sequence[str]) -> bool:
    """Whether the user wrote a type after the name at ``span`` (``x: T.int32 = ...``)."""
    return _ANNOTATED.match(_line(lines, span.end_line), span.end_column - 1) is not None


def _assigned(span: Span, lines: Sequence[str]) -> bool:
    """Whether the name at ``span`` starts a statement assigning it (``y = ...``)."""
    text = _line(lines, span.line)
    if text[: span.column - 1].strip():
        return False
    return _ASSIGNED.match(_line(lines, span.end_line), span.end_column - 1) is not None


def _remapped(symbol: SymbolInfo, lines: Sequence[str]) -> bool:
    """Whether the statement binding ``symbol`` is a ``T.axis.remap`` call."""
    node = symbol.node if symbol.node is not None else symbol.span
    text = " ".join(_line(lines, n) for n in range(node.line, node.end_line + 1))
    return _REMAP.search(text) is not None
