"""Helpers shared by the TIR printers: the ``T`` prefix, variable definition, bodies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from tvmscript.core.ir.node import Node, node_fields
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import (
    FloatImm,
    IntImm,
    Op,
    PointerType,
    PrimType,
    SizeVar,
    StringImm,
    TupleType,
    Type,
    Var,
)
from tvmscript.core.tir.stmt import (
    AllocBuffer,
    AssertStmt,
    Bind,
    BufferStore,
    DeclBuffer,
    Evaluate,
    SeqStmt,
    Stmt,
)
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir_docsifier import Frame, IRDocsifier
from tvmscript.script.printer.tir.text import ATOM, tir_text
from tvmscript.script.tokens import Token

TOKEN: Final = Token.TIR


def tir(d: IRDocsifier, attr: str) -> D.ExprDoc:
    """``T.attr`` (records that the header must import ``T``), as text."""
    if (doc := d.prefixed.get(attr)) is not None:
        return doc
    doc = D.TextDoc(tir_text(d, attr), ATOM)
    if not d.keep_paths:  # docs without paths are never changed: share them
        d.prefixed[attr] = doc
    return doc


def is_s_tir(d: IRDocsifier) -> bool:
    """Whether the function being printed is an ``s_tir`` one (classic TIR spelling)."""
    return bool(d.extra.get("s_tir", False))


def define_var(var: Var, frame: Frame, d: IRDocsifier) -> D.ExprDoc:
    """The name of ``var``, defining it in ``frame`` when new."""
    if (info := d.obj2info.get(id(var))) is not None:
        return info.doc()
    return d.define(var, frame, var.name or "v")


def define_buffer(buffer: Buffer, frame: Frame, d: IRDocsifier) -> D.IdDoc:
    """A fresh name for ``buffer`` in ``frame``."""
    return d.define(buffer, frame, buffer.name or "buffer")


def as_doc_body(stmt: Stmt, path: AccessPath, frame: Frame, d: IRDocsifier) -> None:
    """Print ``stmt`` into ``frame`` (a sequence flattened)."""
    if isinstance(stmt, SeqStmt):  # TVM 0.27 scopes concisely only a body's single statement
        seq_p = path.attr("seq")
        prev: Stmt | None = None
        for i, s in enumerate(stmt.seq):
            frame.allow_concise_scoping = False
            if d.comments is not None:
                _append_commented(frame, s, seq_p.index(i), d, prev)
            elif not _merge_scalar_init(frame, prev, s, doc := d.as_doc(s, seq_p.index(i))):
                _append(frame, doc)
            prev = s
        return
    frame.allow_concise_scoping = True
    if d.comments is not None:
        _append_commented(frame, stmt, path, d, None)
        return
    _append(frame, d.as_doc(stmt, path))


# Statements without a body: their comments are those on all their lines.
_SIMPLE_STMTS: Final = (BufferStore, Evaluate, Bind, AllocBuffer, DeclBuffer, AssertStmt)
# Docs that print a trailing comment on their line (others print `comment` above them).
_INLINE_COMMENT_DOCS: Final = (D.AssignDoc, D.ExprStmtDoc, D.AssertDoc, D.ReturnDoc)


def _append_commented(
    frame: Frame, stmt: Stmt, path: AccessPath, d: IRDocsifier, prev: Stmt | None
) -> None:
    """Print ``stmt`` into ``frame`` with the source comments that belong to it."""
    table = d.comments
    span = stmt.span
    if table is None or span is None:
        if not _merge_scalar_init(frame, prev, stmt, doc := d.as_doc(stmt, path)):
            _append(frame, doc)
        return
    # Step 1. Leading comments go first (before any definition the statement brings).
    for c in table.take_before(span.line):
        frame.stmts.append(D.comment(c.text))
    # Step 2. Comments on the statement's own lines: the first after it, the others above.
    last = span.end_line if isinstance(stmt, _SIMPLE_STMTS) else span.line
    own = table.take_range(span.line, last)
    doc = d.as_doc(stmt, path)
    if own and isinstance(doc, _INLINE_COMMENT_DOCS) and doc.comment is None:
        doc.comment = own.pop(0).text
    for c in own:
        frame.stmts.append(D.comment(c.text))
    if not _merge_scalar_init(frame, prev, stmt, doc):
        _append(frame, doc)


def take_function_comments(name: str, frame: Frame, d: IRDocsifier) -> None:
    """Print the comments left in function ``name`` at the end of its body."""
    if d.comments is None:
        return
    for c in d.comments.take_function_rest(name):
        frame.stmts.append(D.comment(c.text))


def _merge_scalar_init(frame: Frame, prev: Stmt | None, stmt: Stmt, doc: D.Doc) -> bool:
    """``x: T.int32`` directly followed by ``x = v`` prints as ``x: T.int32 = v`` (as TVM)."""
    if not (isinstance(stmt, BufferStore) and isinstance(prev, AllocBuffer)):
        return False
    if stmt.buffer is not prev.buffer or not isinstance(doc, D.AssignDoc) or not frame.stmts:
        return False
    decl = frame.stmts[-1]
    if not isinstance(decl, D.AssignDoc) or decl.rhs is not None or decl.annotation is None:
        return False
    if not isinstance(doc.lhs, D.IdDoc):  # an indexed store: not the scalar form
        return False
    decl.rhs = doc.rhs
    if decl.comment is None:
        decl.comment = doc.comment
    return True


def _append(frame: Frame, doc: D.Doc) -> None:
    if isinstance(doc, D.StmtBlockDoc):
        frame.stmts.extend(doc.stmts)
    else:
        frame.stmts.append(doc)  # type: ignore[arg-type]


def dtype_doc(dtype: str) -> D.LiteralDoc:
    """A dtype as a string literal (``"float32"``)."""
    return D.LiteralDoc(dtype)


def type_of(var: Var) -> Type:
    """The type annotation of ``var`` (its dtype's `PrimType` when none was given)."""
    if var.type_annotation is not None:
        return var.type_annotation
    return PrimType(var.dtype)


def var_creation(var: Var, path: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """``T.int32()``, ``T.handle("float32", "shared")``, ``T.int32(is_size_var=True)``."""
    kwargs: list[tuple[str, D.ExprDoc]] = []
    if isinstance(var, SizeVar):
        kwargs.append(("is_size_var", D.LiteralDoc(True)))
    ann = var.type_annotation
    if isinstance(ann, PointerType):
        args: list[D.ExprDoc] = [dtype_doc(ann.element_dtype)]
        if ann.storage_scope:
            args.append(D.LiteralDoc(ann.storage_scope))
        return tir(d, "handle").call(*args, kwargs=kwargs)
    return tir(d, "void" if var.dtype == "void" else var.dtype).call(kwargs=kwargs)


def type_doc(ty: Type | None, d: IRDocsifier) -> D.ExprDoc | None:
    """A type annotation as a doc (None for ``void``)."""
    if ty is None:
        return None
    if isinstance(ty, PrimType):
        return tir(d, ty.dtype)
    if isinstance(ty, PointerType):
        args: list[D.ExprDoc] = [dtype_doc(ty.element_dtype)]
        if ty.storage_scope:
            args.append(D.LiteralDoc(ty.storage_scope))
        return tir(d, "handle").call(*args)
    if isinstance(ty, TupleType):
        if not ty.fields:
            return D.LiteralDoc(None)
        fields = [type_doc(f, d) or D.LiteralDoc(None) for f in ty.fields]
        return tir(d, "Tuple").call(*fields)
    return None


# ---------------------------------------------------------------------------------------------
# Where a free variable is defined: the deepest frame enclosing all of its uses (TVM's
# common prefix of the paths to every use).


def set_common_prefix_root(d: IRDocsifier, root: object) -> None:
    """Compute use paths under ``root`` lazily, when a free variable first needs them."""
    d.common_prefix = None
    d.common_prefix_root = root


def common_prefix(d: IRDocsifier) -> dict[int, list[object]]:
    """For each variable and buffer: the IR nodes enclosing all of its uses, outermost first."""
    if d.common_prefix is None:
        d.common_prefix = _compute_common_prefix(d.common_prefix_root)
    return d.common_prefix


# Objects without variables inside: the use-path walk skips them.
_LEAVES: Final = frozenset(
    {type(None), str, int, float, bool, IntImm, FloatImm, StringImm, PrimType, Op}
)


_NAMED: Final = (Var, Buffer)


def _compute_common_prefix(root: object) -> dict[int, list[object]]:
    prefix: dict[int, list[object]] = {}
    visited: set[int] = set()
    stack: list[object] = []

    def handle(obj: object) -> None:
        key = id(obj)
        if (have := prefix.get(key)) is None:
            prefix[key] = list(stack)
            return
        n = min(len(have), len(stack))
        for i in range(n):
            if have[i] is not stack[i]:
                del have[i:]
                break

    def visit(obj: object) -> None:
        if type(obj) in _LEAVES:
            return
        is_var = isinstance(obj, _NAMED)
        if id(obj) in visited:
            if is_var:
                handle(obj)
            return
        visited.add(id(obj))
        stack.append(obj)
        for child in _children(obj):
            visit(child)
        if is_var:
            handle(obj)
        stack.pop()

    visit(root)
    return prefix


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(obj: object) -> tuple[str, ...]:
    """The IR fields of node ``obj`` (its span excluded)."""
    cls: Any = type(obj)
    if (names := _FIELD_NAMES.get(cls)) is None:
        names = _FIELD_NAMES[cls] = tuple(n for n, _ in node_fields(cls) if n != "span")
    return names


def _children(obj: object) -> list[object]:
    if isinstance(obj, Node):  # the commonest, and cheaper to test than the Mapping ABC
        return [getattr(obj, name) for name in field_names(obj)]
    if isinstance(obj, tuple | list):
        return list(obj)
    if isinstance(obj, Mapping):
        return [x for kv in obj.items() for x in kv]
    return []


def find_lowest_var_def(obj: object, d: IRDocsifier) -> Frame | None:
    """The frame a free ``obj`` should be defined in (None when it is never used)."""
    prefix = common_prefix(d)
    if (path := prefix.get(id(obj))) is None:
        return None
    node_to_frame: dict[int, Frame] = {}
    fallback: Frame | None = None
    for f in reversed(d.frames):
        if f.node is not None:
            node_to_frame.setdefault(id(f.node), f)
        elif fallback is None:
            fallback = f
    for node in reversed(path):
        if (found := node_to_frame.get(id(node))) is not None:
            return found
    return fallback


def is_ancestor_of_all_uses(node: object, var: object, d: IRDocsifier) -> bool:
    """Whether every use of ``var`` lies inside ``node``."""
    path = common_prefix(d).get(id(var))
    if path is None:
        return False
    return any(p is node for p in path)
