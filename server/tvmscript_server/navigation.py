"""Navigation on local names: what definition, references, rename and outline ask of the index.

Positions here are 0-based (line, character) code points, as pygls' server positions; the
index (`tvmscript.analysis.SymbolIndex`) counts 1-based, as spans do.

The index of a document is part of its analysis (`TVMScriptServer.analysis`, per URI and
version): the parse that finds a definition's diagnostics records its symbols, after an edit
only the changed definitions are parsed again, and a version is analysed once for every feature.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from tvmscript.script.outline import Outline, outline
from tvmscript_server.hover import dialect_aliases, dotted_name_at

if TYPE_CHECKING:
    from tvmscript.analysis import SymbolIndex, SymbolInfo
    from tvmscript.core.ir.span import Span

RENAMABLE: Final = frozenset(
    {"param", "buffer", "loop_var", "block_axis", "scalar", "function", "relax_var"}
)


def symbol_at(
    index: SymbolIndex, line: int, character: int, touching: bool = True
) -> SymbolInfo | None:
    """The symbol bound or used at 0-based ``(line, character)`` (or just before it)."""
    return index.at(line + 1, character + 1, touching)


# --- rename ----------------------------------------------------------------------------------


class RenameRefused(Exception):
    """A rename that would break the program; the message says why."""


def rename_target(index: SymbolIndex, line: int, character: int) -> SymbolInfo:
    """The symbol a rename at the position changes; `RenameRefused` when there is none."""
    symbol = symbol_at(index, line, character)
    if symbol is None:
        raise RenameRefused("no TVMScript name here to rename")
    if symbol.kind not in RENAMABLE:
        raise RenameRefused(f"'{symbol.name}' is a block name (a string): it is not renamed")
    return symbol


def check_new_name(text: str, index: SymbolIndex, symbol: SymbolInfo, new_name: str) -> None:
    """Raise `RenameRefused` unless ``symbol`` can be called ``new_name``."""
    if not new_name.isidentifier() or keyword.iskeyword(new_name):
        raise RenameRefused(f"'{new_name}' is not a valid Python identifier")
    if new_name == symbol.name:
        return
    if new_name in dialect_aliases(outline(text)):
        raise RenameRefused(f"'{new_name}' would hide the '{new_name}' namespace")
    for other in index.named(new_name):
        if other.kind == "block" or other is symbol:
            continue
        if _overlap(other.scope, symbol.scope):
            raise RenameRefused(
                f"'{new_name}' is already defined in this scope "
                f"(line {other.span.line}): renaming '{symbol.name}' would clash with it"
            )


def _overlap(a: Span, b: Span) -> bool:
    return (a.line, a.column) < (b.end_line, b.end_column) and (b.line, b.column) < (
        a.end_line,
        a.end_column,
    )


# --- definitions of T.* names ----------------------------------------------------------------


STUB_DIRS: Final = (Path(__file__).resolve().parents[2] / "stubs",)


@dataclass(frozen=True, slots=True)
class StubLocation:
    """Where a ``T.name`` is declared in the generated stubs (0-based line)."""

    path: Path
    line: int
    column: int


def stub_location(text: str, line: int, character: int) -> StubLocation | None:
    """The stub declaring the ``T.name`` (``T.axis.name``...) under the position.

    Stubs come from ``tvmscript stubs`` (``stubs/tvmscript-stubs/tir/__init__.pyi``,
    ``.../tir/axis.pyi``, ...); without them ``T.*`` names have no definition.
    """
    doc = outline(text)
    if not 0 <= line < len(doc.lines):
        return None
    chain = dotted_name_at(doc.lines[line], character)
    if chain is None or len(chain) < 2:
        return None
    dialect = dialect_aliases(doc).get(chain[0])
    if dialect is None:
        return None
    for stub in _stub_files(dialect, chain[1:-1]):
        found = _declaration_line(stub, chain[-1])
        if found is not None:
            return StubLocation(stub, *found)
    return None


def _stub_files(dialect: str, modules: list[str]) -> list[Path]:
    out: list[Path] = []
    for root in STUB_DIRS:
        for package in ("tvmscript-stubs", "tvmscript", "."):
            base = root / package / dialect
            for parts in (modules, modules[:-1]) if modules else ([],):
                folder = base.joinpath(*parts)
                for candidate in (folder / "__init__.pyi", folder.with_suffix(".pyi")):
                    if candidate.is_file() and candidate not in out:
                        out.append(candidate)
    return out


def _declaration_line(path: Path, name: str) -> tuple[int, int] | None:
    try:
        lines = path.read_text().split("\n")
    except OSError:
        return None
    for i, raw in enumerate(lines):
        for prefix in (
            f"def {name}(",
            f"class {name}(",
            f"class {name}:",
            f"{name}: ",
            f"{name} =",
        ):
            if raw.startswith(prefix):
                return i, raw.index(name)
        if raw.startswith(("from ", "import ")) and raw.endswith(f" as {name}"):
            return i, len(raw) - len(name)
    return None


# --- document symbols ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutlineItem:
    """One document symbol: 0-based ``(line, character)`` ranges, end exclusive."""

    name: str
    kind: str  # "module" | "function" | "block"
    detail: str
    range: tuple[int, int, int, int]
    selection: tuple[int, int, int, int]
    children: tuple[OutlineItem, ...]


def document_outline(text: str, index: SymbolIndex) -> list[OutlineItem]:
    """Module classes → functions → blocks (nested as written); ``index`` is the text's."""
    doc = outline(text)
    functions = [s for s in index.symbols if s.kind == "function" and s.node is not None]
    blocks = [s for s in index.symbols if s.kind == "block" and s.node is not None]
    items: list[OutlineItem] = []
    for definition in doc.definitions:
        end = _line_end(doc, definition.end - 1)
        whole = (definition.start, 0, definition.end - 1, end)
        if definition.symbol.kind == "ir_module":
            children = tuple(
                _function_item(doc, method.name, method.line, method.column, functions, blocks)
                for method in definition.methods
            )
            sym = definition.symbol
            selection = (sym.line, sym.column, sym.line, sym.end_column)
            items.append(OutlineItem(sym.name, "module", "ir_module", whole, selection, children))
        else:
            sym = definition.symbol
            item = _function_item(doc, sym.name, sym.line, sym.column, functions, blocks)
            items.append(
                OutlineItem(item.name, item.kind, item.detail, whole, item.selection, item.children)
            )
    return items


def _line_end(doc: Outline, line: int) -> int:
    return len(doc.lines[line]) if 0 <= line < len(doc.lines) else 0


def _function_item(
    doc: Outline,
    name: str,
    line: int,
    column: int,
    functions: list[SymbolInfo],
    blocks: list[SymbolInfo],
) -> OutlineItem:
    selection = (line, column, line, column + len(name))
    symbol = next((f for f in functions if f.span.line == line + 1 and f.name == name), None)
    if symbol is None or symbol.node is None:
        rng = (line, 0, line, _line_end(doc, line))
        return OutlineItem(name, "function", "", rng, selection, ())
    start, _, end_line, end_column = _range(symbol.node)
    while start > 0 and doc.lines[start - 1].lstrip().startswith("@"):
        start -= 1  # its decorators
    rng = (start, 0, end_line, end_column)
    inside = [b for b in blocks if _contains(symbol.node, b.node)]
    detail = symbol.detail.split("\n")[0] if symbol.detail.startswith("@") else ""
    return OutlineItem(name, "function", detail, rng, selection, _nest(inside))


def _nest(blocks: list[SymbolInfo]) -> tuple[OutlineItem, ...]:
    out: list[OutlineItem] = []
    rest = sorted(blocks, key=lambda b: (b.span.line, b.span.column))
    while rest:
        head, rest = rest[0], rest[1:]
        assert head.node is not None
        inner = [b for b in rest if _contains(head.node, b.node)]
        rest = [b for b in rest if b not in inner]
        out.append(
            OutlineItem(
                head.name,
                "block",
                "T.sblock",
                _range(head.node),
                _range(head.span),
                _nest(inner),
            )
        )
    return tuple(out)


def _contains(outer: Span, inner: Span | None) -> bool:
    if inner is None:
        return False
    return (outer.line, outer.column) <= (inner.line, inner.column) and (
        inner.end_line,
        inner.end_column,
    ) <= (outer.end_line, outer.end_column)


def _range(span: Span) -> tuple[int, int, int, int]:
    return (span.line - 1, span.column - 1, span.end_line - 1, span.end_column - 1)
