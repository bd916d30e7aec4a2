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

A large ``@I.ir_module`` class is one statement whose text changes with every edit inside it:
it is cut at its functions (`tvmscript.analysis.members`), and the functions the edit did not
touch are replayed rather than parsed. A reused definition's IR is moved to its new lines
with it (its spans, in place), as its diagnostics and symbols are.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, replace
from typing import Any, Final

from tvmscript.analysis.document import Analysis, Findings, analyse_source
from tvmscript.analysis.members import (
    ClassSplit,
    MemberCache,
    ReusingParser,
    shift_ir_spans,
    split_class,
)
from tvmscript.analysis.recording import Recorder
from tvmscript.analysis.symbols import UnitSymbols
from tvmscript.core.ir.node import Node
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
    split: ClassSplit | None = None
    """A module class cut at its functions (`tvmscript.analysis.members`)."""

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
        self._splits: dict[str, ClassSplit] = {}  # a module class's chunk -> its pieces
        self._members = MemberCache()
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
            self._members = MemberCache()
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
        splits: dict[str, ClassSplit] = {}
        chunks: list[tuple[int, str, ast.Module | None]] = []
        for start, chunk in top_level_chunks(text):
            if chunk in parsed:
                module = parsed[chunk]
            elif chunk in self._parsed:
                module = parsed[chunk] = self._parsed[chunk]
            else:
                module = parsed[chunk] = self._parse_chunk(chunk)
            if (split := self._splits.get(chunk)) is not None:
                splits[chunk] = split
            chunks.append((start, chunk, module))
        self._parsed = parsed if len(parsed) <= _MAX_CHUNKS else {}
        self._splits = splits if len(parsed) <= _MAX_CHUNKS else {}
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
            chunks = [self._whole(c) if c[2] is None else c for c in chunks]
        units: list[_Unit] = []
        made: dict[tuple[int, str], list[_Unit]] = {}
        for start, chunk, module in chunks:
            if module is None:
                continue
            key = (start, chunk)
            known = made.get(key) or self._chunk_units.get(key)
            if known is None:
                split = self._splits.get(chunk)
                known = _chunk_units(self.filename, start, chunk, module, split)
            made[key] = known
            units.extend(known)
        self._chunk_units = made
        return units, broken

    def _whole(
        self, chunk: tuple[int, str, ast.Module | None]
    ) -> tuple[int, str, ast.Module | None]:
        """A chunk without the syntax error that a piece of it seemed to have: parsed whole."""
        start, text, _ = chunk
        try:
            return start, text, parse_python(text, self.filename)
        except (SyntaxError, ValueError):
            return chunk

    def _parse_chunk(self, chunk: str) -> ast.Module | None:
        """Python's parse of a new chunk (None: a syntax error); a module class is cut.

        A piece of a cut class that does not parse makes the chunk one that does not: if the
        whole file parses after all (the cut was wrong), `_units` falls back to a fresh
        analysis.
        """
        try:
            if (found := split_class(chunk, self.filename, self._members.pieces)) is not None:
                self._splits[chunk] = found[1]
                return found[0]
            return parse_python(chunk, self.filename)
        except (SyntaxError, ValueError):
            return None

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
        parser = ReusingParser(default_globals(), diagnostics, recorder, self._members)
        findings = Findings(text, self.filename)
        context: list[str] = []
        cache: dict[tuple[object, ...], _Cached] = {}
        for unit in units:
            name = unit.name
            if unit.split is not None:
                parser.splits[id(unit.stmt)] = unit.split
                for _, piece in unit.split.pieces:
                    self._members.pieces.keep(piece)
            parser.context = tuple(context)
            if name is None or mentions.get(name, 0) > 1:
                context.append(unit.text)
                findings.run(parser, recorder, unit.source, unit.stmt)
                continue
            key = (parser.context, unit.text)
            hit = self._cache.get(key)
            if hit is not None:
                self._members.keep((parser.context, name))
                if hit.start != unit.start:
                    hit = _moved(hit, unit)
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
        self._members.end_version()
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


def _chunk_units(
    filename: str, start: int, chunk: str, module: ast.Module, split: ClassSplit | None
) -> list[_Unit]:
    """The top-level statements of ``chunk`` (whose first line is ``start``) as units."""
    source = Source(chunk, filename, line_offset=start - 1)
    lines = chunk.split("\n")
    units = []
    for stmt in module.body:
        first = min([stmt.lineno] + [d.lineno for d in _decorators(stmt)])
        last = stmt.end_lineno or stmt.lineno
        body = "\n".join(lines[first - 1 : last])
        cut = split if split is not None and split.stmt is stmt else None
        units.append(_Unit(source, stmt, first + start - 1, last + start - 1, body, cut))
    return units


def _moved(hit: _Cached, unit: _Unit) -> _Cached:
    """``hit`` moved to the unit's first line (its IR's spans too, in place)."""
    start = unit.start
    by = start - hit.start
    for ir in hit.results.values():
        if isinstance(ir, Node):
            shift_ir_spans(ir, hit.start, hit.start + unit.end - unit.start, by)
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
