"""Printer of Relax functions: decorator, annotated signature, ``R.func_attr``, body.

The TIR variables a signature defines are type variables (``n = TypeVar("n")``): module-level
for a top-level function, printed just above a nested one (with the header comments TVM 0.27
repeats there).
"""

from __future__ import annotations

from typing import Any

from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import PrimStructInfo
from tvmscript.core.tir import expr as E
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir import header_lines, note_type_vars
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.printer.relax.binding import print_seq_expr
from tvmscript.script.printer.relax.utils import (
    TOKEN,
    RelaxFrame,
    define_relax_var,
    in_function,
    relax,
    struct_info_as_ann,
)
from tvmscript.script.tokens import Token

GLOBAL_SYMBOL = "global_symbol"


def function_name(func: rx.Function, d: IRDocsifier) -> str:
    """The name to print: the binding's (module or local), else the global symbol, else main."""
    if d.cfg.binding_names:
        return d.cfg.binding_names[-1]
    sym = func.attrs.get(GLOBAL_SYMBOL)
    return str(sym) if sym is not None else "main"


def _printed_attrs(func: rx.Function, name: str, top: bool) -> dict[str, Any]:
    """The attributes ``R.func_attr`` shows (a top-level function's own symbol is implicit)."""
    return {
        k: v for k, v in func.attrs.items() if not (k == GLOBAL_SYMBOL and top and str(v) == name)
    }


def _decorator(func: rx.Function, top: bool, d: IRDocsifier) -> D.ExprDoc:
    kwargs: list[tuple[str, D.ExprDoc]] = []
    if not func.is_pure:
        kwargs.append(("pure", D.LiteralDoc(False)))
    if top and (func.private or GLOBAL_SYMBOL not in func.attrs):
        kwargs.append(("private", D.LiteralDoc(True)))
    head = relax(d, "function")
    return head.call(kwargs=kwargs) if kwargs else head


def _signature(
    func: rx.Function, p: AccessPath, f: RelaxFrame, d: IRDocsifier
) -> tuple[list[D.AssignDoc], D.ExprDoc, list[E.Var]]:
    """The parameters, the result annotation and the type variables they define."""
    f.func_vars, f.type_vars, f.prim_params = set(), [], set()
    try:
        params: list[D.AssignDoc] = []
        params_p = p.attr("params")
        for i, param in enumerate(func.params):
            # The annotation first (TVM's evaluation order: it names the shape variables).
            ann = struct_info_as_ann(param, params_p.index(i), d, None)
            name = define_relax_var(param, f, d)
            params.append(D.AssignDoc(name, None, ann))
            _alias_scalar_param(param, name, f, d)
        ret = d.as_doc(func.ret_struct_info, p.attr("ret_struct_info"))
        return params, ret, f.type_vars
    finally:
        f.func_vars, f.type_vars, f.prim_params = None, None, None


def _alias_scalar_param(param: rx.Var, name: D.IdDoc, f: RelaxFrame, d: IRDocsifier) -> None:
    """A scalar parameter's TIR variable (``n: T.int64`` used in ``(n,)``) prints as it."""
    info = param.struct_info
    if not isinstance(info, PrimStructInfo) or not isinstance(var := info.value, E.Var):
        return
    if not d.is_defined(var):
        d.define_with(var, f, lambda: name)


def _type_var_names(type_vars: list[E.Var], d: IRDocsifier) -> list[str]:
    names = {doc.name for v in type_vars if isinstance(doc := d.get_var_doc(v), D.IdDoc)}
    return sorted(names)


@register(Token.DEFAULT, rx.Function)
def _print_function(func: rx.Function, p: AccessPath, d: IRDocsifier) -> D.Doc:
    top = not in_function(d)
    name = function_name(func, d)
    f = RelaxFrame(d, func, is_func=True)
    with f:
        f.add_dispatch_token(TOKEN)
        # Step 1. Signature.
        params, ret, type_vars = _signature(func, p, f, d)
        # Step 2. Attributes.
        if attrs := _printed_attrs(func, name, top):
            f.stmts.append(
                D.ExprStmtDoc(relax(d, "func_attr").call(d.as_doc(attrs, p.attr("attrs"))))
            )
        decorator = _decorator(func, top, d)
        # Step 3. Body.
        f.stmts.extend(print_seq_expr(func.body, p.attr("body"), d, use_ret=True))
        type_var_names = _type_var_names(type_vars, d)
        doc = D.FunctionDoc(D.IdDoc(name), params, [decorator], ret, f.stmts)
    if type_var_names:
        d.ir_usage.add("type_var")
    if top:  # the module (or `print_script`) declares the type variables and the header
        note_type_vars(d, type_var_names)
        return doc
    # A nested function repeats the header and declares its own type variables.
    stmts: list[D.StmtDoc] = [D.comment(line) for line in header_lines(d)]
    stmts.append(D.CommentDoc())  # an empty comment: a blank line
    stmts.extend(_type_var_decl(n) for n in type_var_names)
    stmts.append(doc)
    return D.StmtBlockDoc(stmts)


def _type_var_decl(name: str) -> D.StmtDoc:
    return D.AssignDoc(D.IdDoc(name), D.IdDoc("TypeVar").call(D.LiteralDoc(name)))
