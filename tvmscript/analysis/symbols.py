"""The symbol index of a file: every name a TVMScript definition binds, where, and its uses.

The index is a by-product of a real parse (`tvmscript.analysis.recording`): each binding the
parser makes is a symbol, located at the name it binds, and each name the parser resolves is a
use of the binding it resolved to, so the index agrees with what the parser understood,
shadowing and scopes included. Like `check_source` it never raises and never runs user code; a
definition with errors still indexes every name bound before (and after) the error.

Public shape (other modules rely on it)::

    SymbolInfo(name, kind, span, detail, references, scope, parameter, node, inferred)
        kind: "param" | "buffer" | "loop_var" | "block_axis" | "scalar" | "block" | "function"
              | "relax_var" (a binding of a Relax function; its parameters are "param")
        span: the binding occurrence (the name token; for a block the text of its name
              string), 1-based lines and columns, end exclusive, like `Diagnostic`.
        references: every other occurrence (uses, reassignments), same units.
        scope: where the name is visible (the def, for, with... that owns it).
        parameter: whether it is a function parameter (a ``T.Buffer`` parameter has kind
              "buffer" and ``parameter=True``).
        node: the whole construct that binds it (the def of a function, the ``with`` of a
              block; for other kinds its statement).
        inferred: what the parser inferred that the text at the name does not say: the dtype
              of a local scalar (``T.float32``), the kind and domain of a block axis
              (``spatial(128)``), the struct info of an unannotated Relax binding as TVM
              prints its annotation (``R.Tensor((n, 4), dtype="float32")``; "" where TVM
              prints none, an ``R.call_tir`` whose ``out_ty`` says it); "" otherwise.
        A Relax variable's detail is its struct info (``lv: R.Tensor((4,), dtype="int32")``).
        A name a dataflow block outputs (``R.output(gv)``) or an ``if`` binds is one symbol
        with the binding inside: its uses after the block or the ``if`` are its references
        (the ``else`` branch's assignment too).
    SymbolIndex.at(line, column) -> SymbolInfo | None    # binding or use under the position
    SymbolIndex.visible_at(line, column) -> list[SymbolInfo]   # names usable there
    index_source(text, filename) -> SymbolIndex
    IncrementalAnalyser(filename).analyse(text).symbols   # re-parses changed definitions only

Positions given to `at`/`visible_at` are 1-based (line, character column), as in spans.

The index is made per top-level statement (`UnitSymbols`, which the incremental analysis keeps
and moves) and linked once per version (`link_units`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Final

from tvmscript.core.ir.span import Span

KINDS: Final = (
    "param",
    "buffer",
    "loop_var",
    "block_axis",
    "scalar",
    "block",
    "function",
    "relax_var",
)
WHOLE_FILE_END: Final = 1 << 30
"""The end line of a whole-file scope (a top-level function's)."""


@dataclass(frozen=True, slots=True)
class SymbolInfo:
    """One bound name (see the module docstring)."""

    name: str
    kind: str
    span: Span
    detail: str
    references: tuple[Span, ...]
    scope: Span
    parameter: bool = False
    node: Span | None = None
    inferred: str = ""

    def occurrences(self) -> tuple[Span, ...]:
        """The binding occurrence, then every reference."""
        return (self.span, *self.references)


@dataclass(slots=True)
class SymbolIndex:
    """The symbols of one file, with position lookups."""

    symbols: list[SymbolInfo]
    _by_line: dict[int, list[tuple[Span, SymbolInfo]]] | None = field(default=None, repr=False)

    def _lines(self) -> dict[int, list[tuple[Span, SymbolInfo]]]:
        """Occurrences by line, built on the first lookup (diagnostics never need it)."""
        if self._by_line is None:
            by_line: dict[int, list[tuple[Span, SymbolInfo]]] = {}
            for symbol in self.symbols:
                for span in symbol.occurrences():
                    by_line.setdefault(span.line, []).append((span, symbol))
            self._by_line = by_line
        return self._by_line

    def at(self, line: int, column: int, touching: bool = False) -> SymbolInfo | None:
        """The symbol whose binding or use is under 1-based ``(line, column)``.

        With ``touching``, a position just after a name (a cursor at its end) also counts.
        """
        found: SymbolInfo | None = None
        for span, symbol in self._lines().get(line, ()):
            if span.column <= column < span.end_column:
                return symbol
            if touching and column == span.end_column:
                found = symbol
        return found

    def visible_at(self, line: int, column: int) -> list[SymbolInfo]:
        """Names usable at 1-based ``(line, column)`` (innermost binding of each name).

        Blocks are not names; parameters and functions are visible in their whole scope,
        other names from their binding on.
        """
        best: dict[str, SymbolInfo] = {}
        for symbol in self.symbols:
            if symbol.kind == "block" or not symbol.scope.contains(line, column):
                continue
            anywhere = symbol.kind in ("param", "function") or symbol.parameter
            if not anywhere and (line, column) <= (symbol.span.line, symbol.span.column):
                continue
            other = best.get(symbol.name)
            if other is None or _inner(symbol.scope, other.scope):
                best[symbol.name] = symbol
        return sorted(best.values(), key=lambda s: s.name)

    def occurrences(self) -> list[tuple[Span, SymbolInfo, bool]]:
        """Every (span, symbol, is the binding) of the file, in text order."""
        out = [(s.span, s, True) for s in self.symbols]
        out.extend((r, s, False) for s in self.symbols for r in s.references)
        out.sort(key=lambda item: (item[0].line, item[0].column))
        return out

    def named(self, name: str) -> list[SymbolInfo]:
        """Every symbol called ``name``."""
        return [s for s in self.symbols if s.name == name]


def _inner(a: Span, b: Span) -> bool:
    """Whether scope ``a`` starts inside (after) scope ``b``."""
    return (a.line, a.column) > (b.line, b.column)


@dataclass(slots=True)
class UnitSymbols:
    """The symbols one top-level statement defined, and its uses of top-level names."""

    symbols: list[SymbolInfo]
    global_uses: list[tuple[str, Span]]
    top_functions: list[str]  # names of top-level (not module member) function symbols

    def shifted(self, by: int) -> UnitSymbols:
        """The same symbols, ``by`` lines further down (the statement moved)."""
        if by == 0:
            return self
        return UnitSymbols(
            [_shift_symbol(s, by) for s in self.symbols],
            [(n, shift_span(sp, by)) for n, sp in self.global_uses],
            self.top_functions,
        )


def link_units(units: list[UnitSymbols]) -> SymbolIndex:
    """All units' symbols, top-level functions given their uses from every unit."""
    symbols = [s for u in units for s in u.symbols]
    top = {name for u in units for name in u.top_functions}
    uses: dict[str, set[Span]] = {}
    for unit in units:
        for name, span in unit.global_uses:
            if name in top:
                uses.setdefault(name, set()).add(span)
    if uses:
        for i, s in enumerate(symbols):
            if s.kind == "function" and s.name in uses and s.scope.line == 1:
                extra = uses[s.name] - {s.span} - set(s.references)
                refs = tuple(sorted((*s.references, *extra), key=lambda x: (x.line, x.column)))
                symbols[i] = replace(s, references=refs)
    return SymbolIndex(symbols)


def whole_file(file: str) -> Span:
    """The scope of a top-level function: the whole file (never moved by `shifted`)."""
    return Span(file, 1, 1, WHOLE_FILE_END, 1)


def shift_span(span: Span, by: int) -> Span:
    """``span`` moved ``by`` lines (a whole-file scope stays)."""
    if by == 0 or (span.line == 1 and span.end_line >= WHOLE_FILE_END):
        return span  # the whole file
    return Span(span.file, span.line + by, span.column, span.end_line + by, span.end_column)


def _shift_symbol(s: SymbolInfo, by: int) -> SymbolInfo:
    return replace(
        s,
        span=shift_span(s.span, by),
        references=tuple(shift_span(r, by) for r in s.references),
        scope=shift_span(s.scope, by),
        node=None if s.node is None else shift_span(s.node, by),
    )
