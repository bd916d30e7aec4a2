"""Reuse inside an ``@I.ir_module`` class: each function parsed once per text and context.

A module class is one top-level statement, so an edit anywhere in it re-runs all of it; TVM
prints a model as one class of many PrimFuncs and the Relax functions calling them. Between
versions of a file (`tvmscript.analysis.incremental`) this module keeps what each function
gave, so that an edit costs the function it touched:

- `split_class` cuts the class's text into pieces (its header, each function with its
  decorators, the runs of other statements); each piece is parsed by Python and converted to
  the Doc AST once per text (`ClassSplit.doc` assembles the class's Doc node from them). A
  piece that moved keeps its Doc nodes: its `Source` is told its new first line.
- `ReusingParser` answers the parser's module hooks (`Parser.module_member`, ...): a
  function's signature and body are replayed from the last version when its text, the texts
  of the functions it names (``cls.f``, transitively) and its context (the statements above
  the class, the class's decorators and function names) are unchanged, and the functions
  it sees are the same (the module's `GlobalVar`s are kept between versions, by name).
  Replaying does what the parse did: the function is added to the module, its diagnostics and
  symbols are recorded again, moved to its new lines (its IR's spans too, in place).

Only a clean cut is reused: a function whose parse reported or recorded anything outside its
own lines, or noted an unevaluated global, is parsed every time; a class with statements
other than its functions (module attributes, names) is not reused at all (their values are
objects its functions hold). Anything the cut cannot read falls back to a parse of the whole
class.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Final

from tvmscript.analysis.recording import Recorded, Recorder, RecordingParser
from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.ir.node import Node, node_fields
from tvmscript.core.ir.span import Span
from tvmscript.diagnostics import Diagnostic
from tvmscript.script.ir_builder.base import IRBuilder
from tvmscript.script.parser.api import parse_python
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.source import Source

_HEADER: Final = re.compile(r"class\s+(\w+)\s*(?:\(\s*\))?\s*:\s*(?:#.*)?$")
_IDENT: Final = re.compile(r"[A-Za-z_]\w*")
_WRAPPER: Final = "class _:\n"
_MEMBER_START: Final = re.compile(r"@|(?:async\s+)?def\s")
MIN_CUT_LINES = 150
"""The lines from which a class is cut (a smaller one is parsed again whole at no cost)."""


# --- the cut ---------------------------------------------------------------------------------


class _Piece:
    """One piece of a class body: its text, parsed once; converted to Doc nodes on first use."""

    def __init__(self, text: str, filename: str) -> None:
        self.text = text
        self.source = Source(_WRAPPER + text, filename)
        wrapper = parse_python(self.source.text, filename).body[0]
        assert isinstance(wrapper, ast.ClassDef)
        self.stmts: list[ast.stmt] = wrapper.body
        self.docs: tuple[doc.Stmt, ...] | None = None

    def place(self, first: int) -> None:
        """Put the piece at 1-based file line ``first`` (its Doc spans follow)."""
        self.source.line_offset = first - 2  # (the wrapper's line comes first)

    def to_doc(self) -> tuple[doc.Stmt, ...]:
        if self.docs is None:  # a conversion error is raised again each time (located now)
            self.docs = tuple(doc.to_doc(stmt, self.source) for stmt in self.stmts)
        return self.docs


class PieceCache:
    """The pieces of the classes of the last version, by text, for the next version's cuts."""

    def __init__(self) -> None:
        self._pieces: dict[str, _Piece] = {}
        self._next: dict[str, _Piece] = {}

    def piece(self, text: str, filename: str, taken: set[int]) -> _Piece:
        """The piece of ``text`` (a new one if ``taken`` has it: the same text twice)."""
        found = self._next.get(text) or self._pieces.get(text)
        if found is None or id(found) in taken:
            found = _Piece(text, filename)
        taken.add(id(found))
        self.keep(found)
        return found

    def keep(self, piece: _Piece) -> None:
        """Keep ``piece`` for the next version (its class is in this one)."""
        self._next.setdefault(piece.text, piece)

    def end_version(self) -> None:
        self._pieces, self._next = self._next, {}


@dataclass(frozen=True, slots=True)
class ClassSplit:
    """A decorated class cut into pieces: its header's ``ast`` and its body's pieces."""

    stmt: ast.ClassDef
    """The class (positions in its chunk; its body is parsed from the whole text if read)."""
    pieces: tuple[tuple[int, _Piece], ...]
    """Each piece with the index of its first line in the chunk."""

    def doc(self, source: Source) -> doc.ClassDef:
        """The class's Doc node (``source`` is its chunk's), as `doc.to_doc` makes it."""
        body: list[doc.Stmt] = []
        for first, piece in self.pieces:
            piece.place(source.line_offset + 1 + first)
            body.extend(piece.to_doc())
        stmt = self.stmt
        decorators = tuple(doc.to_doc_expr(d, source) for d in stmt.decorator_list)
        pos = (stmt.lineno, stmt.col_offset, stmt.end_lineno, stmt.end_col_offset)
        return doc.ClassDef(pos, source, stmt.name, tuple(body), decorators)


class _LazyBody(list[ast.stmt]):
    """The body of a cut class, parsed from the class's whole text only if something reads it.

    The analysis reads the Doc nodes of the pieces; only a class whose decorator turns out not
    to be TVMScript's has its body walked (for definitions nested in it), by the parser's
    ``ast`` path, which needs it whole.
    """

    def __init__(self, load: Callable[[], list[ast.stmt]]) -> None:
        super().__init__()
        self._load: Callable[[], list[ast.stmt]] | None = load

    def _loaded(self) -> None:
        if self._load is not None:
            load, self._load = self._load, None
            self.extend(load())

    def __iter__(self) -> Iterator[ast.stmt]:
        self._loaded()
        return super().__iter__()

    def __len__(self) -> int:
        self._loaded()
        return super().__len__()

    def __getitem__(self, index: Any) -> Any:
        self._loaded()
        return super().__getitem__(index)


def split_class(
    chunk: str, filename: str, cache: PieceCache
) -> tuple[ast.Module, ClassSplit] | None:
    """``chunk`` as one cut ``@I.ir_module`` class (its ``ast`` module too), or None.

    None when it is not one decorated class whose body lines can be cut at its functions (odd
    indentation, a body on the ``class`` line...), or is shorter than `MIN_CUT_LINES`. Raises
    `SyntaxError` (or `ValueError`) when a piece does not parse: the class does not either
    (but for a cut in the wrong place, inside a string, which the caller finds out by parsing
    the file).
    """
    lines = chunk.split("\n")
    if len(lines) < MIN_CUT_LINES:
        return None
    header = next((i for i, line in enumerate(lines) if _HEADER.match(line)), None)
    if header is None or not header or "ir_module" not in "\n".join(lines[:header]):
        return None
    cuts = _cut(lines, header + 1)
    if not cuts:
        return None
    indent = " " * (len(lines[cuts[0][0]]) - len(lines[cuts[0][0]].lstrip()))
    try:
        head = parse_python("\n".join([*lines[: header + 1], indent + "pass"]), filename)
    except (SyntaxError, ValueError):
        return None
    taken: set[int] = set()
    pieces = [
        (first, cache.piece("\n".join(lines[first:last]), filename, taken)) for first, last in cuts
    ]  # (a piece that does not parse raises: the class has a syntax error, or a cut is wrong)
    if len(head.body) != 1 or not isinstance(cls := head.body[0], ast.ClassDef):
        return None
    last_first, last_piece = pieces[-1]
    if not last_piece.stmts or any(
        _is_function(p.text) and (len(p.stmts) != 1 or not _def(p.stmts[0])) for _, p in pieces
    ):
        return None
    end = last_piece.stmts[-1]
    cls.end_lineno = (end.end_lineno or end.lineno) + last_first - 1
    cls.end_col_offset = end.end_col_offset
    cls.body = _LazyBody(lambda: _whole_body(chunk, filename))
    return ast.Module(body=[cls], type_ignores=[]), ClassSplit(cls, tuple(pieces))


def _cut(lines: list[str], body: int) -> list[tuple[int, int]]:
    """The pieces of a class body from line index ``body``: (first, end) indices, end exclusive.

    A piece starts at a line of the body's indentation: a decorator or ``def`` (a function,
    its decorators first), or another statement (a run of them is one piece). Blank lines,
    comments, deeper lines and closing brackets belong to the piece above. Empty when the
    body cannot be cut so (a line less indented than the body).
    """
    starts: list[tuple[int, bool]] = []  # (first line, whether a function's)
    indent: int | None = None
    after_decorator = False
    for i in range(body, len(lines)):
        line = lines[i]
        stripped = line.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(line) - len(stripped)
        if indent is None:
            indent = depth
        if depth > indent or (depth == indent and stripped[0] in ")]}"):
            continue
        if depth < indent or depth == 0:
            return []
        if _function_start(stripped):
            if not (after_decorator and starts and starts[-1][1]):
                starts.append((i, True))
            after_decorator = stripped.startswith("@")
            continue
        if not starts or starts[-1][1]:
            starts.append((i, False))
        after_decorator = False
    ends = [first for first, _ in starts[1:]] + [len(lines)]
    return [(first, end) for (first, _), end in zip(starts, ends, strict=True)]


def _function_start(line: str) -> bool:
    return _MEMBER_START.match(line.lstrip()) is not None


def _is_function(text: str) -> bool:
    return _function_start(text)


def _def(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef)


def _whole_body(chunk: str, filename: str) -> list[ast.stmt]:
    found = parse_python(chunk, filename).body[0]
    assert isinstance(found, ast.ClassDef)
    return found.body


# --- the functions' parses, kept -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Record:
    """What the parse of one function's body did: replayed when nothing it read changed."""

    first: int
    last: int
    diagnostics: tuple[Diagnostic, ...]
    recorded: Recorded
    function: Node | None
    global_vars: tuple[GlobalVar, ...]
    """The module's functions it saw (the same objects must be there to replay it)."""
    spanned: list[Node] | None = None
    """The function's IR nodes with a span in its lines (found when it first moves)."""

    def moved(self, first: int) -> _Record:
        """This record at line ``first`` (the function's IR is moved in place)."""
        by = first - self.first
        if by == 0:
            return self
        spanned = self.spanned
        if spanned is None and self.function is not None:
            spanned = spanned_nodes(self.function, self.first, self.last)
        move_spans(spanned or [], by)
        return _Record(
            first,
            self.last + by,
            tuple(replace(d, line=d.line + by, end_line=d.end_line + by) for d in self.diagnostics),
            self.recorded.shifted(by),
            self.function,
            self.global_vars,
            spanned,
        )


@dataclass(slots=True)
class _Store:
    """What one module class's functions gave: records, values, global variables."""

    records: dict[tuple[object, ...], _Record] = field(default_factory=dict)
    values: dict[tuple[object, ...], Any] = field(default_factory=dict)
    """What the other steps gave (a decorator's meaning, a PrimFunc's signature)."""
    global_vars: dict[str, GlobalVar] = field(default_factory=dict)


Owner = tuple[tuple[str, ...], str]
"""A module class: the texts of the top-level statements above it, and its name."""


class MemberCache:
    """What the functions of each module class gave in the last version of a file.

    A class run in a version keeps what that run used; a class the version reused whole
    (`keep`) keeps what it had; the others' are dropped.
    """

    def __init__(self) -> None:
        self.pieces = PieceCache()
        self._kept: dict[Owner, _Store] = {}
        self._next: dict[Owner, _Store] = {}
        self._names: dict[str, frozenset[str]] = {}
        self._next_names: dict[str, frozenset[str]] = {}

    def names(self, text: str) -> frozenset[str]:
        """The identifiers in a function's ``text``."""
        found = self._next_names.get(text) or self._names.get(text)
        if found is None:
            found = frozenset(_IDENT.findall(text))
        self._next_names[text] = found
        return found

    def stores(self, owner: Owner) -> tuple[_Store, _Store]:
        """The class's store of the last version, and the one this version fills."""
        made = self._next.get(owner)
        if made is None:
            made = self._next[owner] = _Store()
        return self._kept.get(owner) or _Store(), made

    def keep(self, owner: Owner) -> None:
        """Keep the class's store (the version reuses the whole class)."""
        if owner in self._kept:
            self._next.setdefault(owner, self._kept[owner])

    def end_version(self) -> None:
        self._kept, self._next = self._next, {}
        self._names, self._next_names = self._next_names, {}
        self.pieces.end_version()


@dataclass(frozen=True, slots=True)
class _Module:
    """A module class as its functions' cache keys see it (None when it is not reused)."""

    header: tuple[str, ...]
    names: tuple[str, ...]
    texts: dict[str, tuple[str, int, int]]
    """Each function's text (decorators first) and its first and last lines in the file."""
    closure: dict[str, tuple[str, ...]]
    """The other functions each one names, directly or through them."""


class ReusingParser(RecordingParser):
    """The recording parser that replays a module function's parse from an earlier version."""

    def __init__(
        self,
        globals_: dict[str, Any],
        diagnostics: list[Diagnostic],
        recorder: Recorder,
        cache: MemberCache,
    ) -> None:
        super().__init__(globals_, diagnostics, recorder)
        self.cache = cache
        self.context: tuple[str, ...] = ()
        """The texts of the top-level statements above the one being run."""
        self.splits: dict[int, ClassSplit] = {}
        """The cut classes to run, by the ``id`` of their ``ast`` statement."""
        self._modules: dict[int, _Module | None] = {}
        self._cut: dict[int, doc.ClassDef] = {}  # the classes made of pieces (the others are
        # small, or could not be cut: parsed whole, their functions are not reused)

    def definition_doc(self, stmt: ast.stmt, source: Source) -> doc.Stmt:
        split = self.splits.get(id(stmt))
        if split is None or split.stmt is not stmt:
            return super().definition_doc(stmt, source)
        found = split.doc(source)
        self._cut[id(found)] = found
        return found

    def module_global_var(self, module: doc.ClassDef, name: str) -> GlobalVar | None:
        if self._cut.get(id(module)) is not module:
            return None
        kept, made = self.cache.stores((self.context, module.name))
        if name in made.global_vars:  # a second class of that name
            return None
        gv = kept.global_vars.get(name)
        if gv is None:
            gv = GlobalVar(name)
        else:  # as a new one: known once its function is (re)built
            object.__setattr__(gv, "struct_info", None)
        made.global_vars[name] = gv
        return gv

    def module_member(
        self, module: doc.ClassDef, node: doc.FunctionDef, step: str, run: Callable[[], Any]
    ) -> Any:
        info = self._module(module)
        if info is None or node.name not in info.texts:
            return run()
        text = info.texts[node.name][0]
        named = tuple((n, info.texts[n][0]) for n in info.closure[node.name])
        key = (step, info.header, info.names, text, named)
        kept, made = self.cache.stores((self.context, module.name))
        if step != "body":  # a value (the decorator's meaning, a PrimFunc's signature)
            return self._value(kept, made, key, run)
        return self._body(kept, made, key, node.name, info.texts[node.name][1:], run)

    def _value(
        self, kept: _Store, made: _Store, key: tuple[object, ...], run: Callable[[], Any]
    ) -> Any:
        """What ``run()`` gives, kept when it reported nothing and noted no global."""
        if key in kept.values:
            made.values[key] = kept.values[key]
            return kept.values[key]
        before, noted = len(self.diagnostics), len(self.unevaluated_noted)
        found = run()
        if len(self.diagnostics) == before and len(self.unevaluated_noted) == noted:
            made.values[key] = found
        return found

    def _body(
        self,
        kept: _Store,
        made: _Store,
        key: tuple[object, ...],
        name: str,
        lines: tuple[int, int],
        run: Callable[[], Any],
    ) -> Any:
        from tvmscript.script.ir_builder.ir.frames import IRModuleFrame
        from tvmscript.script.parser.ir.module import ModuleRef

        frame = IRBuilder.current().find_frame(IRModuleFrame)
        ref = self.var_table.get("cls")
        if not isinstance(frame, IRModuleFrame) or not isinstance(ref, ModuleRef):
            return run()
        global_vars = tuple(ref.functions.values())
        first, last = lines
        hit = kept.records.get(key)
        if hit is not None and _same(hit.global_vars, global_vars):
            hit = hit.moved(first)
            made.records[key] = hit
            self.diagnostics.extend(hit.diagnostics)
            self.recorder.replay(hit.recorded)
            if hit.function is not None:
                frame.add_function(name, hit.function)
            ref.signatures.pop(name, None)
            return None
        before, mark, noted = (
            len(self.diagnostics),
            self.recorder.mark(),
            len(self.unevaluated_noted),
        )
        result = run()
        found = self.diagnostics[before:]
        recorded = self.recorder.since(mark)
        spans = [*recorded.spans(), *(_span(d) for d in found)]
        if len(self.unevaluated_noted) == noted and all(_within(s, first, last) for s in spans):
            gv = ref.functions.get(name)
            function = frame.functions.get(gv) if gv is not None else None
            made.records[key] = _Record(first, last, tuple(found), recorded, function, global_vars)
        return result

    def _module(self, module: doc.ClassDef) -> _Module | None:
        if self._cut.get(id(module)) is not module:
            return None
        if id(module) not in self._modules:
            self._modules[id(module)] = _describe(module, self.cache)
        return self._modules[id(module)]


def _describe(module: doc.ClassDef, cache: MemberCache) -> _Module | None:
    """The cache keys' view of ``module``; None when its functions are not reused."""
    texts: dict[str, tuple[str, int, int]] = {}
    for stmt in module.body:
        if isinstance(stmt, doc.Pass) or (
            isinstance(stmt, doc.ExprStmt) and isinstance(stmt.value, doc.Constant)
        ):
            continue  # a docstring
        if not isinstance(stmt, doc.FunctionDef) or not stmt.decorator_list:
            return None  # module attributes, names: objects the functions hold
        if stmt.name in texts:
            return None  # declared twice (an error): nothing to key by
        texts[stmt.name] = _function_text(stmt)
    names = tuple(texts)
    mentions = {n: cache.names(t) & texts.keys() for n, (t, _, _) in texts.items()}
    closure: dict[str, tuple[str, ...]] = {}
    for name in names:
        seen, todo = {name}, [name]
        while todo:
            for other in mentions[todo.pop()]:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        closure[name] = tuple(sorted(seen - {name}))
    header = (module.name, *(_text(d) for d in module.decorator_list))
    return _Module(header, names, texts, closure)


def _function_text(node: doc.FunctionDef) -> tuple[str, int, int]:
    first = min([node.pos[0], *(d.pos[0] for d in node.decorator_list)])
    last = node.pos[2] or node.pos[0]
    text = "\n".join(node.src.lines[first - 1 : last])
    return text, first + node.src.line_offset, last + node.src.line_offset


def _text(node: doc.Node) -> str:
    line, col, end_line, end_col = node.pos
    rows = node.src.lines[line - 1 : end_line or line]
    return "\n".join(rows) + f"@{col}:{end_col}"


def _same(a: tuple[GlobalVar, ...], b: tuple[GlobalVar, ...]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def _span(d: Diagnostic) -> Span:
    return Span(d.file, d.line, d.column, d.end_line, d.end_column)


def _within(span: Span, first: int, last: int) -> bool:
    return first <= span.line and span.end_line <= last


# --- IR moved in place -----------------------------------------------------------------------


def shift_ir_spans(root: Node, first: int, last: int, by: int) -> None:
    """Move the spans of ``root``'s IR that lie in lines ``first``..``last`` by ``by`` lines.

    In place: the IR of a function whose text moved is the one a parse at its new place
    builds, but for its spans. `GlobalVar`s are not entered (they lead to other functions).
    """
    move_spans(spanned_nodes(root, first, last), by)


def spanned_nodes(root: Node, first: int, last: int) -> list[Node]:
    """The nodes of ``root``'s IR whose spans lie in lines ``first``..``last``."""
    found: list[Node] = []
    seen: set[int] = set()
    todo: list[object] = [root]
    while todo:
        obj = todo.pop()
        kind = type(obj)
        if kind in _LEAVES or id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, Node):
            span = obj.span
            if span is not None and first <= span.line and span.end_line <= last:
                found.append(obj)
            if (names := _CHILDREN.get(kind)) is None:
                fields = () if kind is GlobalVar else node_fields(kind)
                names = _CHILDREN[kind] = tuple(n for n, _ in fields if n != "span")
            todo.extend([getattr(obj, n) for n in names])
        elif isinstance(obj, tuple | list):
            todo.extend(obj)
        elif isinstance(obj, dict):
            todo.extend(obj.keys())
            todo.extend(obj.values())
    return found


def move_spans(nodes: list[Node], by: int) -> None:
    """Move the spans of ``nodes`` by ``by`` lines, in place."""
    for node in nodes:
        span = node.span
        assert span is not None
        moved = Span(span.file, span.line + by, span.column, span.end_line + by, span.end_column)
        object.__setattr__(node, "span", moved)


_LEAVES: Final = frozenset({str, int, float, bool, type(None), bytes})
_CHILDREN: dict[type, tuple[str, ...]] = {}
"""The fields of each node class the walk enters (a `GlobalVar`'s: none)."""
