"""`check_source` again after an edit, re-analysing only the definitions whose text changed.

The file is cut into top-level chunks (`api._chunks`); only chunks not seen before are parsed.
A definition's diagnostics are reused, shifted to its new line, when its text and its context
(the text of every top-level statement above it that can change the module's names) are
unchanged. Not cached, so always re-analysed: macros, definitions whose name the rest of the
file mentions (their IR is a global others may use), and definitions with a diagnostic outside
their own lines (it points into a macro or another statement). Anything unexpected, or a chunk
that does not parse alone (a syntax error), falls back to `check_source` itself.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, replace
from typing import Final

from tvmscript.diagnostics import Diagnostic, DiagnosticError, debug_enabled
from tvmscript.script.parser import api
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.parser import Parser, internal_error
from tvmscript.script.parser.core.source import Source

_IDENT: Final = re.compile(r"[A-Za-z_]\w*")
_MAX_CHUNKS: Final = 4096


@dataclass(frozen=True, slots=True)
class _Unit:
    """One top-level statement: its chunk's source, node, first line (decorators) and text."""

    source: Source
    stmt: ast.stmt
    start: int
    end: int
    text: str

    @property
    def name(self) -> str | None:
        if isinstance(self.stmt, ast.FunctionDef | ast.ClassDef) and self.stmt.decorator_list:
            return self.stmt.name
        return None


class IncrementalChecker:
    """`check_source` for successive versions of one file; same results, less work."""

    def __init__(self, filename: str = "<string>") -> None:
        self.filename = filename
        self._parsed: dict[str, ast.Module | None] = {}
        self._diagnostics: dict[tuple[object, ...], tuple[Diagnostic, ...]] = {}

    def check(self, text: str) -> list[Diagnostic]:
        """Exactly ``check_source(text, self.filename)``; never raises."""
        try:
            found = self._check(text)
        except Exception:
            if debug_enabled():
                raise
            found = None
        if found is None:
            return api.check_source(text, self.filename)
        return sorted(found, key=lambda d: (d.line, d.column))

    def _check(self, text: str) -> list[Diagnostic] | None:
        units = self._units(text)
        if units is None:
            return None
        with api._without_gc_pauses():
            return self._analyse(units)

    def _units(self, text: str) -> list[_Unit] | None:
        parsed: dict[str, ast.Module | None] = {}
        units: list[_Unit] = []
        for start, chunk in api._chunks(text):
            if chunk in parsed:
                module = parsed[chunk]
            elif chunk in self._parsed:
                module = parsed[chunk] = self._parsed[chunk]
            else:
                try:
                    module = api.parse_python(chunk, self.filename)
                except (SyntaxError, ValueError):
                    module = None
                parsed[chunk] = module
            if module is None:
                return None
            source = Source(chunk, self.filename, line_offset=start - 1)
            lines = chunk.split("\n")
            for stmt in module.body:
                first = min([stmt.lineno] + [d.lineno for d in _decorators(stmt)])
                last = stmt.end_lineno or stmt.lineno
                body = "\n".join(lines[first - 1 : last])
                units.append(_Unit(source, stmt, first + start - 1, last + start - 1, body))
        self._parsed = parsed if len(parsed) <= _MAX_CHUNKS else {}
        return units

    def _analyse(self, units: list[_Unit]) -> list[Diagnostic]:
        mentions: dict[str, int] = {}
        for unit in units:
            for name in set(_IDENT.findall(unit.text)):
                mentions[name] = mentions.get(name, 0) + 1
        diagnostics: list[Diagnostic] = []
        definitions: list[api.Definition] = []
        parser = Parser(api.default_globals(), diagnostics)
        context: list[str] = []
        cache: dict[tuple[object, ...], tuple[Diagnostic, ...]] = {}
        for unit in units:
            name = unit.name
            cacheable = name is not None and mentions.get(name, 0) <= 1
            if not cacheable:
                context.append(unit.text)
                self._run(parser, unit, definitions)
                continue
            key = (tuple(context), unit.text)
            hit = self._diagnostics.get(key)
            if hit is not None:
                diagnostics.extend(_shifted(d, unit.start) for d in hit)
                cache[key] = hit
                continue
            before, count = len(diagnostics), len(definitions)
            self._run(parser, unit, definitions)
            new = diagnostics[before:]
            if len(definitions) > count and all(
                unit.start <= d.line and d.end_line <= unit.end for d in new
            ):
                cache[key] = tuple(_shifted(d, -unit.start) for d in new)
        self._diagnostics = cache
        return diagnostics

    @staticmethod
    def _run(parser: Parser, unit: _Unit, definitions: list[api.Definition]) -> None:
        """One top-level statement, as `api._parse_file` runs it."""
        try:
            api._top_level(parser, unit.source, unit.stmt, definitions)
        except DiagnosticError as exc:
            parser.report(exc)
        except Exception as exc:
            if debug_enabled():
                raise
            parser.diagnostics.append(
                internal_error(doc.Pass(pos=api._pos(unit.stmt), src=unit.source), exc)
            )


def _decorators(stmt: ast.stmt) -> list[ast.expr]:
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return stmt.decorator_list
    return []


def _shifted(d: Diagnostic, by: int) -> Diagnostic:
    return replace(d, line=d.line + by, end_line=d.end_line + by)
