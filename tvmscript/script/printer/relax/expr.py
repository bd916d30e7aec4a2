"""Printers of Relax leaf expressions: variables, constants, tuples, shapes, strings, ..."""

from __future__ import annotations

from typing import Any

import numpy as np

from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import FuncStructInfo, ObjectStructInfo
from tvmscript.core.tir import expr as E
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register, register_named_type
from tvmscript.script.printer.relax.utils import (
    TOKEN,
    define_relax_var,
    define_tir_var,
    int_literal,
    prim_expr_doc,
    relax,
    relax_frame,
    shape_var_doc,
)
from tvmscript.script.printer.tir.text import text_printed_classes
from tvmscript.script.tokens import Token


@register(TOKEN, rx.Var)
def _print_var(var: rx.Var, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """A variable's name; a free one is declared first (``x: R.Tensor(...)``)."""
    if (doc := d.get_var_doc(var)) is not None:
        return doc
    ann = None if var.struct_info is None else d.as_doc(var.struct_info, p.attr("struct_info"))
    frame = d.frames[-1]
    name = define_relax_var(var, frame, d)
    frame.stmts.append(D.AssignDoc(name, None, ann))
    return name


register_named_type(rx.Var)
register_named_type(rx.DataflowVar)


# TIR expressions under Relax: integers are bare, variables are defined in the function.


@register(TOKEN, E.IntImm)
def _print_int_imm(imm: E.IntImm, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return int_literal(imm)


def _print_tir_var(var: E.Var, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return define_tir_var(var, d, p)


register(TOKEN, E.Var)(_print_tir_var)
register(TOKEN, E.SizeVar)(_print_tir_var)


def _print_prim_expr(e: E.PrimExpr, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return prim_expr_doc(e, p, d)


for _cls in text_printed_classes() - {E.IntImm, E.Var, E.SizeVar}:
    register(TOKEN, _cls)(_print_prim_expr)


@register(TOKEN, GlobalVar)
def _print_global_var(gv: GlobalVar, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """``cls.f`` inside a module (``cls = Module`` printed once per function), else ``f``."""
    if (doc := d.get_var_doc(gv)) is None:
        return D.IdDoc(gv.name_hint)
    module_alias(d)
    return doc


def module_alias(d: IRDocsifier) -> None:
    """Print ``cls = Module`` at the top of the current function, once."""
    f = relax_frame(d)
    if f is None or not f.is_func or f.module_alias_printed:
        return
    f.stmts.append(D.AssignDoc(D.IdDoc(d.cfg.module_alias), D.IdDoc("Module")))
    f.module_alias_printed = True


@register(TOKEN, IRModule)
def _print_module_ref(mod: IRModule, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    module_alias(d)
    return D.IdDoc(d.cfg.module_alias)


# Leaf expressions.


@register(Token.DEFAULT, rx.StringImm)
def _print_string_imm(s: rx.StringImm, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return relax(d, "str").call(D.LiteralDoc(s.value))


@register(Token.DEFAULT, rx.DataTypeImm)
def _print_dtype_imm(t: rx.DataTypeImm, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return relax(d, "dtype").call(D.LiteralDoc(t.value))


@register(Token.DEFAULT, rx.Tuple)
def _print_tuple(t: rx.Tuple, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    if not t.fields:
        return relax(d, "tuple").call()
    fields_p = p.attr("fields")
    return D.TupleDoc([d.as_doc(f, fields_p.index(i)) for i, f in enumerate(t.fields)])


@register(Token.DEFAULT, rx.TupleGetItem)
def _print_tuple_get_item(t: rx.TupleGetItem, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    value = d.as_doc(t.tuple_value, p.attr("tuple_value"))
    return value[[D.LiteralDoc(t.index)]]  # type: ignore[no-any-return]


@register(Token.DEFAULT, rx.ShapeExpr)
def _print_shape_expr(s: rx.ShapeExpr, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    values_p = p.attr("values")
    dims = [shape_var_doc(v, values_p.index(i), d) for i, v in enumerate(s.values)]
    return relax(d, "shape").call(D.ListDoc(dims))


@register(Token.DEFAULT, rx.PrimValue)
def _print_prim_value(v: rx.PrimValue, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return prim_expr_doc(v.value, p.attr("value"), d)  # TVM 0.27 prints the bare expression


@register(Token.DEFAULT, rx.Constant)
def _print_constant(c: rx.Constant, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """``R.const(2.0, "float32")`` for a scalar, else ``metadata["ir.GenericConst"][i]``."""
    if (scalar := _scalar_literal(c.data)) is not None:
        return relax(d, "const").call(scalar, D.LiteralDoc(c.dtype))
    # Constants parsed from one metadata entry share it (TVM's are one object).
    first: dict[int, rx.Constant] = d.extra.setdefault("relax_constants", {})
    return d.add_metadata(first.setdefault(id(c.data), c))


def _scalar_literal(data: np.ndarray[Any, Any]) -> D.LiteralDoc | None:
    if data.ndim != 0:
        return None
    kind, size = data.dtype.kind, data.dtype.itemsize
    if kind == "i" and size in (1, 2, 4, 8):
        return D.LiteralDoc(int(data))
    if kind == "f" and size in (2, 4, 8):
        return D.LiteralDoc(float(data))
    if kind == "b":
        return D.LiteralDoc(bool(data))
    return None


@register(Token.DEFAULT, rx.ExternFunc)
def _print_extern_func(f: rx.ExternFunc, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    args: list[D.ExprDoc] = [D.LiteralDoc(f.global_symbol)]
    if not _has_default_extern_type(f):
        args.append(d.as_doc(f.struct_info, p.attr("struct_info")))
    return relax(d, "ExternFunc").call(*args)


def _has_default_extern_type(f: rx.ExternFunc) -> bool:
    """Whether ``f``'s struct info is the default one: any arguments, impure, any result."""
    info = f.struct_info
    if info is None:
        return True
    return (
        isinstance(info, FuncStructInfo)
        and info.params is None
        and not info.purity
        and isinstance(info.ret, ObjectStructInfo)
    )
