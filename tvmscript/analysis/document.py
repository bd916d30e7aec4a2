"""The analysis of one version of a file: diagnostics, build warnings, IR and symbols at once.

A parse of a top-level definition with the recording parser (`tvmscript.analysis.recording`)
gives at once its diagnostics (exactly `check_source`'s), its IR (the build-time warnings of
`build_check` come from it) and its symbols (the `SymbolIndex`). `analyse_source` does that for
a whole file; `IncrementalAnalyser` (`tvmscript.analysis.incremental`) for successive versions
of one file, reusing what it found for each definition.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any

from tvmscript.analysis.build_check import build_diagnostics
from tvmscript.analysis.recording import Recorder, RecordingParser
from tvmscript.analysis.symbols import SymbolIndex, UnitSymbols, link_units
from tvmscript.diagnostics import Diagnostic, debug_enabled
from tvmscript.script.parser.api import (
    Definition,
    check_source,
    default_globals,
    file_modules,
    gc_paused,
    parse_top_level,
)
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.source import Source


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one version of a file gave: every feature of the language server reads it.

    ``diagnostics`` are exactly `check_source`'s; ``warnings`` the build-time warnings of each
    definition without errors; ``symbols`` the `index_source` index; ``results`` the IR of each
    top-level definition without errors, by name (the last one of a name); ``parsed`` how
    many definitions this version parsed (the others were reused).
    """

    text: str
    diagnostics: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]
    symbols: SymbolIndex
    results: dict[str, Any]
    parsed: int = 0

    def all_diagnostics(self) -> list[Diagnostic]:
        """Diagnostics and warnings, in text order."""
        if not self.warnings:
            return list(self.diagnostics)
        return sorted([*self.diagnostics, *self.warnings], key=lambda d: (d.line, d.column))


def analyse_source(text: str, filename: str = "<string>") -> Analysis:
    """The whole analysis of ``text``, every definition parsed once; never raises."""
    try:
        with gc_paused():
            return _fresh(text, filename)
    except Exception:
        if debug_enabled():
            raise
        return Analysis(text, tuple(check_source(text, filename)), (), SymbolIndex([]), {})


def index_source(text: str, filename: str = "<string>") -> SymbolIndex:
    """The symbol index of ``text``; never raises (an index of what could be read)."""
    return analyse_source(text, filename).symbols


def _fresh(text: str, filename: str) -> Analysis:
    diagnostics: list[Diagnostic] = []
    recorder = Recorder()
    globals_ = default_globals()
    findings = Findings(text, filename)
    for source, module in file_modules(text, filename, diagnostics):
        parser = RecordingParser(globals_, diagnostics, recorder)
        for stmt in module.body:
            findings.run(parser, recorder, source, stmt)
    return findings.analysis(diagnostics)


class Findings:
    """Symbols, IR and warnings of the top-level statements run so far (an `Analysis` to be)."""

    def __init__(self, text: str, filename: str) -> None:
        self.text = text
        self.filename = filename
        self.units: list[UnitSymbols] = []
        self.warnings: list[Diagnostic] = []
        self.results: dict[str, Any] = {}
        self.definitions: list[Definition] = []
        self.parsed = 0

    def run(
        self, parser: Parser, recorder: Recorder, source: Source, stmt: ast.stmt
    ) -> tuple[UnitSymbols, list[Diagnostic], dict[str, Any]]:
        """Run one top-level statement; its symbols, warnings and IR (also kept here)."""
        count = len(self.definitions)
        recorder.begin_unit(source, stmt)
        try:
            parse_top_level(parser, source, stmt, self.definitions)
        finally:
            recorder.end_unit()
        symbols = recorder.take()
        warnings: list[Diagnostic] = []
        results: dict[str, Any] = {}
        for definition in self.definitions[count:]:
            self.parsed += 1
            if definition.result is not None:
                results[definition.name] = definition.result
                warnings.extend(build_diagnostics(definition.result, self.text, self.filename))
        self.add(symbols, warnings, results)
        return symbols, warnings, results

    def add(
        self, symbols: UnitSymbols, warnings: list[Diagnostic], results: dict[str, Any]
    ) -> None:
        """Take what one statement gave (run now, or reused from an earlier version)."""
        self.units.append(symbols)
        self.warnings.extend(warnings)
        self.results.update(results)

    def analysis(self, diagnostics: list[Diagnostic]) -> Analysis:
        """The `Analysis` of the file, with the parse's ``diagnostics``."""
        return Analysis(
            self.text,
            tuple(sorted(diagnostics, key=lambda d: (d.line, d.column))),
            tuple(sorted(self.warnings, key=lambda d: (d.line, d.column))),
            link_units(self.units),
            self.results,
            self.parsed,
        )
