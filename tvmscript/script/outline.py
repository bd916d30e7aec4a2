"""A fast, text-only outline of a file: its TVMScript definitions and module prelude.

No `ast`, nothing run: top-level statements start at column 0, decorators name the kind.
A definition cut short by odd text (a column-0 line inside a string) simply fails to parse
later, which every feature treats as "nothing to offer".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

_DECORATOR: Final = re.compile(r"\s*@\s*(\w+)\s*\.\s*(prim_func|ir_module|function)\b")
_DEF: Final = re.compile(r"(\s*)(?:async\s+)?(def|class)\s+(\w+)")
_PRELUDE: Final = re.compile(r"(?:import\s|from\s|[A-Za-z_]\w*\s*(?::[^=]*)?=[^=])")
_CONTINUATION: Final = ("", " ", "\t", "#", ")", "]", "}")
_DEF_OR_DECORATOR: Final = re.compile(r"(?:@|(?:async\s+)?(?:def|class)\b)")


@dataclass(frozen=True, slots=True)
class Symbol:
    """A named TVMScript definition: where its name is (0-based line, character columns)."""

    name: str
    kind: str
    line: int
    column: int

    @property
    def end_column(self) -> int:
        """The column just after the name."""
        return self.column + len(self.name)


@dataclass(frozen=True, slots=True)
class TopLevel:
    """A top-level TVMScript definition: lines ``start`` (first decorator) to ``end`` (excl.)."""

    symbol: Symbol
    start: int
    end: int
    methods: tuple[Symbol, ...]

    def text(self, lines: list[str]) -> str:
        """The definition's source text (decorators included), ending in a newline."""
        return "\n".join(lines[self.start : self.end]) + "\n"


@dataclass(frozen=True, slots=True)
class Outline:
    """The definitions of a file and its prelude (imports and module constants, in order)."""

    lines: list[str]
    definitions: tuple[TopLevel, ...]
    prelude: tuple[tuple[int, str], ...]

    def definition_at(self, line: int) -> TopLevel | None:
        """The definition whose lines include ``line`` (0-based)."""
        for definition in self.definitions:
            if definition.start <= line < definition.end:
                return definition
        return None

    def symbol_at(self, line: int, column: int) -> tuple[TopLevel, Symbol] | None:
        """The definition or method whose name is under ``(line, column)``."""
        if (definition := self.definition_at(line)) is None:
            return None
        for symbol in (definition.symbol, *definition.methods):
            if symbol.line == line and symbol.column <= column <= symbol.end_column:
                return definition, symbol
        return None

    def prelude_before(self, line: int) -> str:
        """The imports and constants above ``line``, as text to put before a definition."""
        return "".join(text for start, text in self.prelude if start < line)


@lru_cache(maxsize=8)
def outline(text: str) -> Outline:
    """The outline of ``text`` (cached: features of one document version share it)."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if _starts_statement(lines, i)]
    definitions: list[TopLevel] = []
    prelude: list[tuple[int, str]] = []
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        stop = _trim(lines, start, stop)
        if lines[start].startswith("@"):
            if (definition := _definition(lines, start, stop)) is not None:
                definitions.append(definition)
        elif _PRELUDE.match(lines[start]):
            prelude.append((start, "\n".join(lines[start:stop]) + "\n"))
    return Outline(lines, tuple(definitions), tuple(prelude))


def _starts_statement(lines: list[str], i: int) -> bool:
    line = lines[i]
    if line[:1] in _CONTINUATION:
        return False
    if i == 0 or not _DEF_OR_DECORATOR.match(line):
        return True
    # A decorator's `def`/`class` (or a further decorator) continues the statement, also past
    # comment lines and a decorator's continuation lines.
    for j in range(i - 1, -1, -1):
        if lines[j][:1] not in _CONTINUATION:
            return not lines[j].startswith("@")
    return True


def _trim(lines: list[str], start: int, stop: int) -> int:
    """``stop`` moved up past trailing blank lines and column-0 comments.

    Indented comments after a body's last statement end that body: they are kept.
    """
    while stop > start + 1 and (not lines[stop - 1].strip() or lines[stop - 1][:1] == "#"):
        stop -= 1
    return stop


def _definition(lines: list[str], start: int, stop: int) -> TopLevel | None:
    kind = None
    for i in range(start, stop):
        if (decorator := _DECORATOR.match(lines[i])) is not None:
            kind = decorator.group(2)
        elif (found := _DEF.match(lines[i])) is not None and not found.group(1):
            if kind is None:
                return None
            symbol = Symbol(found.group(3), kind, i, found.start(3))
            return TopLevel(symbol, start, stop, _methods(lines, i + 1, stop))
    return None


def _methods(lines: list[str], start: int, stop: int) -> tuple[Symbol, ...]:
    """The decorated functions of an ``@I.ir_module`` class body (not functions nested in them).

    Members are written at the indentation of the body's first decorator or ``def``.
    """
    methods: list[Symbol] = []
    kind = None
    indent: int | None = None
    for i in range(start, stop):
        line = lines[i]
        stripped = line.lstrip()
        depth = len(line) - len(stripped)
        if indent is None and _DEF_OR_DECORATOR.match(stripped):
            indent = depth
        if depth != indent:
            continue
        if (decorator := _DECORATOR.match(line)) is not None:
            kind = decorator.group(2)
        elif (found := _DEF.match(line)) is not None:
            if kind is not None and found.group(1):
                methods.append(Symbol(found.group(3), kind, i, found.start(3)))
            kind = None
    return tuple(methods)
