"""Re-analysis of successive versions of one file: only the definitions whose text changed.

The file is cut into top-level chunks (`top_level_chunks`); only chunks not seen before are
parsed. A definition's findings are reused, shifted to its new line, when its text and its
context (the text of every top-level statement above it that can change the module's names)
are unchanged. Not cached, so always re-analysed: macros, definitions whose name the rest of
the file mentions (their IR is a global others may use), and definitions with a diagnostic
outside their own lines (it points into a macro or another statement). After a syntax error,
as `check_source` does, the chunks around it are left out and the others analysed as usual
(only the whole file is parsed once more, by Python, to find the error). Anything unexpected
falls back to `analyse_source`.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, replace
from typing import Any, Final

from tvmscript.analysis.document import Analysis, Findings, analyse_source
from tvmscript.analysis.recording import Recorder, RecordingParser
from tvmscript.analysis.symbols import UnitSymbols
from tvmscript.diagnostics import Diagnostic, debug_enabled
from tvmscript.script.chunks import top_level_chunks
from tvmscript.script.parser.api import default_globals, gc_paused, parse_python, syntax_error
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


@dataclass(frozen=True, slots=True)
class _Cached:
    """What one definition gave, where it was last (its first line: ``start``)."""

    start: int
    diagnostics: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]
    symbols: UnitSymbols
    results: dict[str, Any]


class IncrementalAnalyser:
    """`analyse_source` for successive versions of one file; same results, less work."""

    def __init__(self, filename: str = "<string>") -> None:
        self.filename = filename
        self._parsed: dict[str, ast.Module | None] = {}
        self._cache: dict[tuple[object, ...], _Cached] = {}
        self._names: dict[str, frozenset[str]] = {}  # a unit's text -> the identifiers in it
        self._chunk_units: dict[tuple[int, str], list[_Unit]] = {}  # (first line, chunk) -> units
        self._last: Analysis | None = None

    def check(self, text: str) -> list[Diagnostic]:
        """Exactly ``check_source(text, self.filename)``; never raises."""
        return list(self.analyse(text).diagnostics)

    def analyse(self, text: str) -> Analysis:
        """Exactly ``analyse_source(text, self.filename)`` (kept: the same text is not redone)."""
        if self._last is not None and self._last.text == text:
            return self._last
        try:
            found = self._analyse(text)
        except Exception:
            if debug_enabled():
                raise
            found = None
        if found is None:
            self._cache = {}
            found = analyse_source(text, self.filename)
        self._last = found
        return found

    def _analyse(self, text: str) -> Analysis | None:
        units = self._units(text)
        if units is None:
            return None
        found, broken = units
        with gc_paused():
            return self._run_units(text, found, broken)

    def _units(self, text: str) -> tuple[list[_Unit], list[Diagnostic]] | None:
        """The statements to run, as `file_modules` gives them (and its syntax error)."""
        parsed: dict[str, ast.Module | None] = {}
        chunks: list[tuple[int, str, ast.Module | None]] = []
        for start, chunk in top_level_chunks(text):
            if chunk in parsed:
                module = parsed[chunk]
            elif chunk in self._parsed:
                module = parsed[chunk] = self._parsed[chunk]
            else:
                try:
                    module = parse_python(chunk, self.filename)
                except (SyntaxError, ValueError):
                    module = None
                parsed[chunk] = module
            chunks.append((start, chunk, module))
        self._parsed = parsed if len(parsed) <= _MAX_CHUNKS else {}
        broken: list[Diagnostic] = []
        if (first_bad := next((c[0] for c in chunks if c[2] is None), None)) is not None:
            try:
                parse_python(_from_line(text, first_bad), self.filename)
            except SyntaxError as exc:
                broken.append(syntax_error(exc, Source(text, self.filename)))
            if not broken:
                return None  # the file parses, a chunk alone does not: not cut where it can
            bad = broken[0].line
            chunks = [c for c in chunks if not c[0] <= bad <= c[0] + c[1].count("\n") + 1]
        units: list[_Unit] = []
        made: dict[tuple[int, str], list[_Unit]] = {}
        for start, chunk, module in chunks:
            if module is None:
                continue
            key = (start, chunk)
            known = made.get(key) or self._chunk_units.get(key)
            if known is None:
                known = _chunk_units(self.filename, start, chunk, module)
            made[key] = known
            units.extend(known)
        self._chunk_units = made
        return units, broken

    def _run_units(self, text: str, units: list[_Unit], broken: list[Diagnostic]) -> Analysis:
        mentions: dict[str, int] = {}
        names: dict[str, frozenset[str]] = {}
        for unit in units:
            found_names = self._names.get(unit.text)
            if found_names is None:
                found_names = frozenset(_IDENT.findall(unit.text))
            names[unit.text] = found_names
            for ident in found_names:
                mentions[ident] = mentions.get(ident, 0) + 1
        self._names = names
        diagnostics: list[Diagnostic] = list(broken)
        recorder = Recorder()
        parser = RecordingParser(default_globals(), diagnostics, recorder)
        findings = Findings(text, self.filename)
        context: list[str] = []
        cache: dict[tuple[object, ...], _Cached] = {}
        for unit in units:
            name = unit.name
            if name is None or mentions.get(name, 0) > 1:
                context.append(unit.text)
                findings.run(parser, recorder, unit.source, unit.stmt)
                continue
            key = (tuple(context), unit.text)
            hit = self._cache.get(key)
            if hit is not None:
                if hit.start != unit.start:
                    hit = _moved(hit, unit.start)
                diagnostics.extend(hit.diagnostics)
                findings.add(hit.symbols, list(hit.warnings), hit.results)
                cache[key] = hit
                continue
            before, count = len(diagnostics), findings.parsed
            symbols, warnings, results = findings.run(parser, recorder, unit.source, unit.stmt)
            new = diagnostics[before:]
            if findings.parsed > count and _inside(unit, [*new, *warnings], symbols):
                cache[key] = _Cached(unit.start, tuple(new), tuple(warnings), symbols, results)
        self._cache = cache
        return findings.analysis(diagnostics)


def _from_line(text: str, line: int) -> str:
    """``text`` with its lines above ``line`` (1-based) left blank.

    Python's first syntax error in the whole file: the chunks above the first one that does not
    parse are complete statements that parse, so they cannot move it (and blank lines keep its
    line number), while what follows can (an unclosed bracket is reported further down).
    Parsing only this part keeps a keystroke's re-analysis from parsing the whole file.
    """
    if line <= 1:
        return text
    cut = 0
    for _ in range(line - 1):
        cut = text.index("\n", cut) + 1
    return "\n" * (line - 1) + text[cut:]


def _chunk_units(filename: str, start: int, chunk: str, module: ast.Module) -> list[_Unit]:
    """The top-level statements of ``chunk`` (whose first line is ``start``) as units."""
    source = Source(chunk, filename, line_offset=start - 1)
    lines = chunk.split("\n")
    units = []
    for stmt in module.body:
        first = min([stmt.lineno] + [d.lineno for d in _decorators(stmt)])
        last = stmt.end_lineno or stmt.lineno
        body = "\n".join(lines[first - 1 : last])
        units.append(_Unit(source, stmt, first + start - 1, last + start - 1, body))
    return units


def _moved(hit: _Cached, start: int) -> _Cached:
    """``hit`` moved to ``start``."""
    by = start - hit.start
    return _Cached(
        start,
        tuple(_shifted(d, by) for d in hit.diagnostics),
        tuple(_shifted(d, by) for d in hit.warnings),
        hit.symbols.shifted(by),
        hit.results,
    )


def _inside(unit: _Unit, diagnostics: list[Diagnostic], symbols: UnitSymbols) -> bool:
    """Whether everything found lies in the unit's lines (not in a macro it expands, say)."""
    start, end = unit.start, unit.end
    if not all(start <= d.line and d.end_line <= end for d in diagnostics):
        return False
    spans = [sp for s in symbols.symbols for sp in (s.span, *s.references)]
    spans.extend(sp for _, sp in symbols.global_uses)
    return all(start <= sp.line and sp.end_line <= end for sp in spans)


def _decorators(stmt: ast.stmt) -> list[ast.expr]:
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return stmt.decorator_list
    return []


def _shifted(d: Diagnostic, by: int) -> Diagnostic:
    return replace(d, line=d.line + by, end_line=d.end_line + by)
