"""Printer of PrimFuncs: decorator, signature (buffers inline), attributes, body."""

from __future__ import annotations

from typing import Final

from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.tir.expr import IntImm, TupleType
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.stmt import SBlock, SBlockRealize, Stmt
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.printer.tir.buffer import VarDef, buffer_annotation, buffer_decl
from tvmscript.script.printer.tir.utils import (
    TOKEN,
    as_doc_body,
    define_buffer,
    define_var,
    field_names,
    set_common_prefix_root,
    take_function_comments,
    tir,
    type_doc,
    type_of,
)
from tvmscript.script.tokens import Token

_HIDDEN_ATTRS = ("s_tir",)


def function_name(func: PrimFunc, d: IRDocsifier) -> str:
    """The name to print: the module binding, else the global symbol, else ``main``."""
    if d.cfg.binding_names:
        return d.cfg.binding_names[-1]
    sym = func.attrs.get("global_symbol")
    return str(sym) if sym is not None else "main"


def _implicit_root_block(func: PrimFunc) -> SBlock | None:
    """The root block the parser adds around a body with blocks (printed as a comment)."""
    realize = func.body
    if not isinstance(realize, SBlockRealize) or realize.iter_values:
        return None
    if not (isinstance(realize.predicate, IntImm) and realize.predicate.value == 1):
        return None
    root = realize.block
    if root.annotations or root.match_buffers or root.reads or root.writes or root.init:
        return None
    inner = root.body
    if root.alloc_buffers:
        return root
    if isinstance(inner, SBlockRealize):
        return root if inner.block.iter_vars else None
    return root if _contains_block(inner) else None


def _contains_block(stmt: Stmt) -> bool:
    """Whether a block is nested anywhere in ``stmt`` (only statements hold blocks)."""
    stack: list[object] = [stmt]
    while stack:
        cur = stack.pop()
        if type(cur) is SBlockRealize:
            return True
        if isinstance(cur, _SEQUENCES):
            stack.extend(cur)
        elif isinstance(cur, Stmt):
            for name in field_names(cur):
                value = getattr(cur, name)
                if isinstance(value, _STMT_OR_SEQUENCE):
                    stack.append(value)
    return False


_SEQUENCES: Final = (tuple, list)
_STMT_OR_SEQUENCE: Final = (Stmt, tuple, list)


def _decorator(func: PrimFunc, d: IRDocsifier) -> D.ExprDoc:
    kwargs: list[tuple[str, D.ExprDoc]] = []
    if func.private or "global_symbol" not in func.attrs:
        kwargs.append(("private", D.LiteralDoc(True)))
    if func.attrs.get("s_tir"):
        kwargs.append(("s_tir", D.LiteralDoc(True)))
    head = tir(d, "prim_func")
    return head.call(kwargs=kwargs) if kwargs else head


def _func_attrs(func: PrimFunc, name: str, p: AccessPath, d: IRDocsifier) -> D.StmtDoc | None:
    attrs = {k: v for k, v in func.attrs.items() if k not in _HIDDEN_ATTRS}
    if attrs.get("global_symbol") == name:
        del attrs["global_symbol"]
    if not attrs:
        return None
    return D.ExprStmtDoc(tir(d, "func_attr").call(d.as_doc(attrs, p.attr("attrs"))))


@register(Token.DEFAULT, PrimFunc)
def _print_prim_func(func: PrimFunc, p: AccessPath, d: IRDocsifier) -> D.Doc:
    with d.frame(func) as f:
        f.add_dispatch_token(TOKEN)
        saved = d.extra.get("s_tir")
        d.extra["s_tir"] = bool(func.attrs.get("s_tir"))
        set_common_prefix_root(d, func)
        name = function_name(func, d)
        # Step 1. Parameters: buffers inline as `A: T.Buffer(...)`.
        args: list[D.AssignDoc] = []
        params_p = p.attr("params")
        for i, var in enumerate(func.params):
            if (buffer := func.buffer_map.get(var)) is not None:
                lhs = define_buffer(buffer, f, d)
                buf_p = p.attr("buffer_map").map_item(var)
                args.append(
                    D.AssignDoc(lhs, None, buffer_annotation(buffer, buf_p, f, d, func.params))
                )
                continue
            ann = type_doc(type_of(var), d)
            if ann is not None:
                d.add_source_path(ann, params_p.index(i))
            args.append(D.AssignDoc(define_var(var, f, d), None, ann))
        # Step 2. Attributes.
        if (attr_doc := _func_attrs(func, name, p, d)) is not None:
            f.stmts.append(attr_doc)
        # Step 3. Body (the implicit root block becomes a comment).
        root = _implicit_root_block(func) if d.cfg.syntax_sugar else None
        if root is not None:
            root_p = p.attr("body").attr("block")
            f.stmts.append(D.comment('with T.sblock("root"):'))
            for i, buf in enumerate(root.alloc_buffers):
                buf_p = root_p.attr("alloc_buffers").index(i)
                lhs = define_buffer(buf, f, d)
                rhs = buffer_decl(buf, "sblock_alloc_buffer", (), buf_p, f, d, VarDef.DATA_POINTER)
                f.stmts.append(D.AssignDoc(lhs, rhs))
            as_doc_body(root.body, root_p.attr("body"), f, d)
        else:
            as_doc_body(func.body, p.attr("body"), f, d)
        take_function_comments(name, f, d)
        ret = None
        if func.ret_type is not None and not (
            isinstance(func.ret_type, TupleType) and not func.ret_type.fields
        ):
            ret = type_doc(func.ret_type, d)
        doc = D.FunctionDoc(D.IdDoc(name), args, [_decorator(func, d)], ret, f.stmts)
        d.extra["s_tir"] = saved
    return doc


@register(TOKEN, GlobalVar)
def _print_global_var(gv: GlobalVar, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    if (doc := d.get_var_doc(gv)) is not None:
        return doc
    return D.IdDoc(gv.name_hint)
