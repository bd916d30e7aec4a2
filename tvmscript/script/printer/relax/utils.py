"""Helpers shared by the Relax printers: the ``R`` prefix, frames, variables, annotations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from tvmscript.core.ir.node import Node, node_fields
from tvmscript.core.ir.op import Op
from tvmscript.core.ir.structural import structural_equal
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import StructInfo, TupleStructInfo
from tvmscript.core.tir import expr as E
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import NULL_PATH, AccessPath
from tvmscript.script.printer.expr_text import expr_text
from tvmscript.script.printer.ir_docsifier import Frame, IRDocsifier
from tvmscript.script.printer.tir.text import expr_doc as tir_expr_doc
from tvmscript.script.printer.tir.utils import var_creation
from tvmscript.script.tokens import Token

TOKEN: Final = Token.RELAX
SHAPE_INT_DTYPE: Final = "int64"
"""The dtype of Relax shape dimensions: printed as bare integers (TVM's ``relax`` IntImm)."""


class RelaxFrame(Frame):
    """A Relax scope (a function, a sequence of bindings) and what a function collects.

    While a function's signature is printed, ``func_vars`` holds the TIR variables it defines
    and ``type_vars`` those of them printed as module-level ``n = TypeVar("n")``.
    """

    __slots__ = ("func_vars", "is_func", "module_alias_printed", "prim_params", "type_vars")

    def __init__(self, d: IRDocsifier, node: object = None, *, is_func: bool = False) -> None:
        super().__init__(d, node)
        self.is_func = is_func
        self.module_alias_printed = False
        self.func_vars: set[int] | None = None
        self.type_vars: list[E.Var] | None = None
        self.prim_params: set[int] | None = None


def relax(d: IRDocsifier, attr: str) -> D.ExprDoc:
    """``R.attr`` (records that the header must import ``R``)."""
    d.ir_usage.add("relax")
    return D.IdDoc(d.cfg.relax_prefix).attr(attr)


def relax_frame(d: IRDocsifier) -> RelaxFrame | None:
    """The innermost Relax function frame, else the innermost Relax frame (TVM's rule)."""
    found: RelaxFrame | None = None
    for f in reversed(d.frames):
        if isinstance(f, RelaxFrame):
            if f.is_func:
                return f
            if found is None:
                found = f
    return found


def signature_frame(d: IRDocsifier) -> RelaxFrame | None:
    """The function frame whose signature is being printed (collecting its variables)."""
    for f in d.frames:
        if isinstance(f, RelaxFrame) and f.func_vars is not None:
            return f
    return None


def in_function(d: IRDocsifier) -> bool:
    """Whether a Relax function is being printed (a function printed now is nested)."""
    return any(isinstance(f, RelaxFrame) and f.is_func for f in d.frames)


def define_relax_var(var: rx.Var, frame: Frame, d: IRDocsifier) -> D.IdDoc:
    """A fresh name for ``var`` in ``frame``."""
    return d.define(var, frame, var.name_hint or "v")


# ---------------------------------------------------------------------------------------------
# TIR expressions inside Relax: variables defined where TVM defines them, integers bare.


def define_tir_var(var: E.Var, d: IRDocsifier, p: AccessPath = NULL_PATH) -> D.ExprDoc:
    """The name of TIR variable ``var``, defining it in the Relax function when new.

    In a signature the variable becomes a type variable (``n = TypeVar("n")``); in a body it
    is declared at the top of the function (``n = T.int64()``).
    """
    if (doc := d.get_var_doc(var)) is not None:
        return doc
    f = relax_frame(d)
    if f is None:
        raise IndexError(f"no Relax scope to define TIR variable '{var.name}' in")
    name = d.define(var, f, var.name or "v")
    if f.func_vars is not None and f.type_vars is not None:  # a signature: a type variable
        f.func_vars.add(id(var))
        if f.prim_params is None or id(var) not in f.prim_params:
            f.type_vars.append(var)
            return name
    f.stmts.append(D.AssignDoc(name, var_creation(var, p, d)))
    return name


def tir_vars_of(e: object) -> Iterator[E.Var]:
    """The TIR variables of expression ``e``, in the order they print."""
    stack: list[object] = [e]
    while stack:
        cur = stack.pop()
        if isinstance(cur, E.Var):
            yield cur
        elif isinstance(cur, Node):
            stack.extend(reversed([getattr(cur, n) for n, _ in node_fields(type(cur))]))
        elif isinstance(cur, tuple | list):
            stack.extend(reversed(cur))


@contextmanager
def shape_int_literals(d: IRDocsifier) -> Iterator[None]:
    """Print ``int64`` integers bare (Relax shape dimensions) inside the block."""
    saved = d.cfg.int_dtype
    d.cfg.int_dtype = SHAPE_INT_DTYPE
    try:
        yield
    finally:
        d.cfg.int_dtype = saved


def prim_expr_doc(e: E.PrimExpr, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """A TIR expression used by Relax (its new variables defined first)."""
    if isinstance(e, E.IntImm):
        return int_literal(e)
    for var in tir_vars_of(e):
        if not d.is_defined(var):
            define_tir_var(var, d, p)
    if isinstance(e, E.Var):
        return define_tir_var(e, d, p)
    with shape_int_literals(d):
        return tir_expr_doc(e, p, d)


def int_literal(imm: E.IntImm) -> D.LiteralDoc:
    """An integer constant under Relax: a bare literal (``True``/``False`` for a bool)."""
    if imm.dtype == "bool":
        return D.LiteralDoc(bool(imm.value))
    return D.LiteralDoc(int(imm.value))


def shape_var_doc(e: E.PrimExpr, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """A shape dimension; in a signature a compound one is a string (``"n * 2"``)."""
    doc = prim_expr_doc(e, p, d)
    f = signature_frame(d)
    if f is None or f.func_vars is None:
        return doc
    func_vars = f.func_vars
    if not any(id(v) in func_vars for v in tir_vars_of(e)):
        return doc
    if isinstance(e, E.Var) and f.type_vars is not None and any(e is v for v in f.type_vars):
        return doc
    return D.LiteralDoc(expr_text(doc))


# ---------------------------------------------------------------------------------------------
# Annotations


CALL_TIR: Final = "relax.call_tir"
CALL_DPS_PACKED: Final = "relax.call_dps_packed"
_HIDE_INFERRED: Final = frozenset({CALL_TIR, CALL_DPS_PACKED})


def op_name(call: rx.Call) -> str | None:
    """The name of the operator ``call`` calls, when it calls one."""
    return call.op.name if isinstance(call.op, Op) else None


def struct_info_as_ann(
    var: rx.Var, p: AccessPath, d: IRDocsifier, rhs: rx.Expr | None
) -> D.ExprDoc | None:
    """The annotation of ``var`` bound to ``rhs``: its struct info, unless TVM hides it.

    TVM 0.27 prints every annotation but that of an ``R.call_tir``/``R.call_dps_packed``
    whose output struct info is exactly the variable's.
    """
    info = var.struct_info
    if info is None:
        return None
    if isinstance(rhs, rx.Call) and op_name(rhs) in _HIDE_INFERRED:
        inferred = _dps_output(rhs)
        if inferred is not None and structural_equal(inferred, info):
            return None
    return d.as_doc(info, p.attr("struct_info"))  # type: ignore[no-any-return]


def _dps_output(call: rx.Call) -> StructInfo | None:
    """The struct info a destination-passing call infers: its declared output."""
    if len(call.sinfo_args) == 1:
        return call.sinfo_args[0]
    if call.sinfo_args:
        return TupleStructInfo(call.sinfo_args)
    return call.struct_info


def is_void(info: StructInfo | None) -> bool:
    """Whether ``info`` is the empty tuple (the result of a call made for its effect)."""
    return isinstance(info, TupleStructInfo) and not info.fields
