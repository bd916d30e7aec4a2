"""The document analysis the language server and the CLI share.

One parse of each top-level definition, with a recording parser, gives its diagnostics
(exactly `tvmscript.check_source`'s), its IR, the build-time warnings of that IR and the
symbols it binds. The interface::

    analyse_source(text, filename) -> Analysis         # the whole file, every definition parsed
    IncrementalAnalyser(filename).analyse(text) -> Analysis   # successive versions of one
                                                       # file: changed definitions re-parsed
    Analysis.diagnostics / .warnings / .all_diagnostics()   # errors; build-time warnings
    Analysis.results[name]                             # IR of each definition without errors
    Analysis.symbols -> SymbolIndex                    # bindings and uses (`SymbolInfo`)
    index_source(text, filename) -> SymbolIndex        # analyse_source(...).symbols
    build_diagnostics(ir, text, filename)              # build-time warnings of one IR
    build_issues(ir) -> list[BuildIssue]               # the same, unlocated

Modules: `document` (`Analysis`, `analyse_source`), `incremental` (`IncrementalAnalyser`),
`members` (the functions of a module class reused between versions), `symbols` (the index
and its records), `recording` (the recording parser) and `details` (the text it records),
`build_check` (what TVM's llvm build would reject). The parser knows none of
them: it offers `tvmscript.script.parser.api`'s public functions and the `Parser` hooks.
"""

from __future__ import annotations

from tvmscript.analysis.build_check import BuildIssue, build_diagnostics, build_issues
from tvmscript.analysis.document import Analysis, analyse_source, index_source
from tvmscript.analysis.incremental import IncrementalAnalyser
from tvmscript.analysis.symbols import KINDS, SymbolIndex, SymbolInfo

__all__ = [
    "KINDS",
    "Analysis",
    "BuildIssue",
    "IncrementalAnalyser",
    "SymbolIndex",
    "SymbolInfo",
    "analyse_source",
    "build_diagnostics",
    "build_issues",
    "index_source",
]
