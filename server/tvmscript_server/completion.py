"""Completion items for a position: namespace members after ``T.``/``I.``/``R.``, local names.

``R.`` and ``R.nn.`` (every Relax namespace) list the members of the generated Relax stubs
with their signatures; in an annotation (``x: R.``) struct info names come first. Inside a
Relax function the local names are its parameters and the bindings visible there (a dataflow
block's outputs after the block).

The file's imports name the dialects (`dialect_aliases`), the namespace members come from the
stubs (`StubIndex`), local names from the document's symbol index (`SymbolIndex.visible_at`,
of the analysis every feature shares); only when the definition being typed no longer parses
are they read from its text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from tvmscript.script.outline import Outline, TopLevel, outline
from tvmscript_server.hover import dialect_aliases

if TYPE_CHECKING:
    from tvmscript.analysis import Analysis, SymbolIndex
    from tvmscript_server.stub_index import Member, StubIndex

_ATTRIBUTE: Final = re.compile(r"([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*)\s*\.\s*(\w*)$")
_WORD: Final = re.compile(r"(?<![\w.])([A-Za-z_]\w*)?$")
_BLOCK_WITH: Final = re.compile(r"\s*with\s+\w+\s*\.\s*s?block\s*\(")
_ANNOTATION: Final = re.compile(r"(?:^\s*|[(,]\s*)[A-Za-z_]\w*\s*:\s*[\w.]*$")
_BLOCK_FIRST: Final = ("axis", "reads", "writes", "init", "where", "sblock_attr")
_AXIS_FIRST: Final = ("spatial", "reduce", "scan", "opaque", "remap", "S", "R")
_RELAX_ANNOTATION_FIRST: Final = ("Tensor", "Tuple", "Shape", "Prim", "Object", "Callable")


@lru_cache(maxsize=1)
def _annotation_first() -> frozenset[str]:
    """The names an annotation most likely wants first (the builder's dtype table, on first use)."""
    from tvmscript.script.ir_builder.tir.dtypes import DTYPE_ALIASES, DTYPE_CONSTRUCTORS

    return frozenset({"Buffer", "handle", *DTYPE_CONSTRUCTORS, *DTYPE_ALIASES})


@dataclass(frozen=True, slots=True)
class Item:
    """One completion: what to show and what to insert (a snippet when ``snippet``)."""

    label: str
    kind: str  # function, class, module, variable, method
    detail: str
    doc: str
    insert: str
    snippet: bool
    sort: str
    namespace: tuple[str, ...] = ()  # (dialect, *path) of a namespace member, for its docs


def complete(
    text: str,
    line: int,
    column: int,
    index: StubIndex,
    *,
    snippets: bool = False,
    analysis: Callable[[], Analysis] | None = None,
) -> tuple[Item, ...]:
    """The completions at (0-based line, character column) of ``text``.

    ``analysis`` gives the document's analysis, asked for only when local names are wanted (a
    ``T.`` completion never waits for a parse); without it `analyse_source` makes one.
    """
    doc = outline(text)
    if not 0 <= line < len(doc.lines):
        return ()
    before = doc.lines[line][:column]
    if in_string_or_comment(doc.lines, line, column):
        return ()
    after = doc.lines[line][column:]
    if (found := _ATTRIBUTE.search(before)) is not None:
        chain = tuple(part.strip() for part in found.group(1).split("."))
        return _attribute_items(doc, line, chain, before, after, index, snippets)
    if _WORD.search(before) is not None and (definition := doc.definition_at(line)) is not None:
        if analysis is not None:
            symbols = analysis().symbols
        else:
            from tvmscript.analysis import analyse_source  # the parser, on first use

            symbols = analyse_source(text).symbols
        return tuple(_name_items(doc, definition, (line, column), symbols))
    return ()


def _attribute_items(
    doc: Outline,
    line: int,
    chain: tuple[str, ...],
    before: str,
    after: str,
    index: StubIndex,
    snippets: bool,
) -> tuple[Item, ...]:
    if chain == ("cls",) and (definition := doc.definition_at(line)) is not None:
        return tuple(
            Item(m.name, "method", m.kind, "", m.name, False, f"0_{m.name}")
            for m in definition.methods
        )
    if (dialect := dialect_aliases(doc).get(chain[0])) is None:
        return ()
    annotation = _ANNOTATION.search(before) is not None
    preferred = _preferred(doc, line, chain, annotation, dialect)
    call = snippets and not annotation and not after.lstrip().startswith("(")
    return _member_items(index, dialect, chain[1:], preferred, call)


@lru_cache(maxsize=64)
def _member_items(
    index: StubIndex, dialect: str, path: tuple[str, ...], preferred: frozenset[str], call: bool
) -> tuple[Item, ...]:
    """The items of one namespace in one context (cached: the stubs do not change)."""
    return tuple(_item(m, preferred, call, (dialect, *path)) for m in index.members(dialect, path))


def _preferred(
    doc: Outline, line: int, chain: tuple[str, ...], annotation: bool, dialect: str
) -> frozenset[str]:
    if len(chain) == 2 and chain[1] == "axis":
        return frozenset(_AXIS_FIRST)
    if len(chain) != 1:
        return frozenset()
    if annotation and dialect == "relax":
        return frozenset(_RELAX_ANNOTATION_FIRST)
    if annotation:
        return _annotation_first()
    if in_block_body(doc.lines, line):
        return frozenset(_BLOCK_FIRST)
    return frozenset()


def _item(
    member: Member, preferred: frozenset[str], call: bool, namespace: tuple[str, ...]
) -> Item:
    kind = {"function": "function", "class": "class", "module": "module"}.get(
        member.kind, "variable"
    )
    insert, snippet = member.name, False
    if call and kind in ("function", "class") and member.signature:
        insert, snippet = call_snippet(member), True
    rank = "0" if member.name in preferred else "1"
    sort = f"{rank}_{member.name}"
    return Item(member.name, kind, member.signature, member.doc, insert, snippet, sort, namespace)


def call_snippet(member: Member) -> str:
    """``grid(${1:extents})``: the required (or starred) parameters as placeholders."""
    wanted = [p for p in member.params if p.required or p.kind == "VAR_POSITIONAL"]
    if not wanted:
        return f"{member.name}($0)"
    holes = ", ".join(f"${{{k}:{p.name}}}" for k, p in enumerate(wanted, start=1))
    return f"{member.name}({holes})"


# Names a definition binds, read from its text (while it does not parse).
_BINDERS: Final = (
    re.compile(r"^\s*def\s+\w+\s*\((.*)"),  # parameters (first line of the signature)
    re.compile(r"^\s*for\s+(.+?)\s+in\s"),  # loop variables
    re.compile(r"\bas\s+\(?([\w\s,]+)\)?\s*:"),  # with ... as names
    re.compile(r"^\s*([\w\s,]+?)\s*(?::[^=]*)?=(?!=)"),  # assignment targets
)


def _name_items(
    doc: Outline, definition: TopLevel, at: tuple[int, int], symbols: SymbolIndex
) -> list[Item]:
    """Names visible at the position: the dialect aliases, then the local names."""
    names: dict[str, tuple[str, str]] = {alias: ("module", "") for alias in dialect_aliases(doc)}
    if definition.symbol.kind == "ir_module":
        names.setdefault("cls", ("variable", ""))
    line, column = at
    if _parsed(symbols, definition):
        members = {m.name for m in definition.methods}
        for symbol in symbols.visible_at(line + 1, column + 1):
            if symbol.kind == "function" and symbol.name in members:
                continue  # a module function: `cls.name`
            kind = "function" if symbol.kind == "function" else "variable"
            lines = [d for d in symbol.detail.split("\n") if not d.startswith("@")]
            names.setdefault(symbol.name, (kind, lines[0] if lines else ""))
    else:
        for name in _scanned_names(doc, definition, line):
            names.setdefault(name, ("variable", ""))
    return [
        Item(name, kind, detail, "", name, False, f"{'1' if kind == 'module' else '0'}_{name}")
        for name, (kind, detail) in names.items()
    ]


def _parsed(symbols: SymbolIndex, definition: TopLevel) -> bool:
    """Whether the index has ``definition`` (it is left out while it does not parse)."""
    return any(
        s.kind == "function" and s.span.line == sym.line + 1
        for sym in (definition.symbol, *definition.methods)
        for s in symbols.named(sym.name)
    )


def _scanned_names(doc: Outline, definition: TopLevel, line: int) -> list[str]:
    """Names bound above ``line`` in its function, read from the text."""
    names: list[str] = []
    for i in range(_function_start(doc.lines, definition, line), line):
        for pattern in _BINDERS:
            if (found := pattern.search(doc.lines[i])) is not None:
                names.extend(_bound_names(found.group(1), params=pattern is _BINDERS[0]))
    return names


def _bound_names(text: str, *, params: bool) -> list[str]:
    if params:  # `a: T.Buffer((8,), "float32"), b: T.handle` → a, b (top-level only)
        return re.findall(r"(?:^|,)\s*\*{0,2}([A-Za-z_]\w*)\s*(?=[:,=)]|$)", _top_level(text))
    return [w for w in re.findall(r"[A-Za-z_]\w*", text) if w not in ("self",)]


def _top_level(text: str) -> str:
    depth, out = 0, []
    for char in text:
        depth += char in "([{"
        depth -= char in ")]}"
        if depth <= 0:
            out.append(char)
        if depth < 0:
            break
    return "".join(out)


def _function_start(lines: list[str], definition: TopLevel, line: int) -> int:
    """The ``def`` line of the function around ``line`` (a method of a module class too)."""
    for i in range(line, definition.start - 1, -1):
        if re.match(r"\s*def\s", lines[i]):
            return i
    return definition.start


def in_block_body(lines: list[str], line: int) -> bool:
    """Whether ``line`` is directly in the body of a ``with T.sblock(...):``."""
    indent = _indent(lines[line]) if lines[line].strip() else len(lines[line])
    for i in range(line - 1, -1, -1):
        text = lines[i]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if _indent(text) < indent:
            return _BLOCK_WITH.match(text) is not None
    return False


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def in_string_or_comment(lines: list[str], line: int, column: int) -> bool:
    """Whether (line, column) is in a comment or a string (triple-quoted across lines too)."""
    open_triple = None
    for text in lines[:line]:
        # Only triple quotes carry over a line end: other lines need no scan (fast path).
        if open_triple is not None or '"""' in text or "'''" in text:
            open_triple = _scan(text, open_triple)[1]
    state, _ = _scan(lines[line][:column], open_triple)
    return state is not None


def _scan(text: str, quote: str | None) -> tuple[str | None, str | None]:
    """(open string/comment state at the end of ``text``, open triple quote carried over)."""
    i = 0
    while i < len(text):
        if quote is not None:
            if text.startswith(quote, i):
                i, quote = i + len(quote), None
                continue
            i += 2 if text[i] == "\\" else 1
            continue
        char = text[i]
        if char == "#":
            return "#", None
        if char in "\"'":
            quote = char * 3 if text.startswith(char * 3, i) else char
            i += len(quote)
            continue
        i += 1
    carried = quote if quote is not None and len(quote) == 3 else None
    return quote, carried
