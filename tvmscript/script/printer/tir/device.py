"""Printers of TIRx device IR: scope ids (``bx = T.cta_id([8])``) and buffer layouts.

Layouts print as TVM 0.27 writes them: ``T.TileLayout(T.S[(8, 4):(4 @ Axis.laneid, 1)])``
(strides over the memory axis ``m`` bare, others ``stride @ Axis.name``), replicas added as
``+ T.R[...]`` and the offset as ``+ term`` (parenthesised when it has several terms).
"""

from __future__ import annotations

from typing import Final

from tvmscript.core.ir.structural import structural_equal
from tvmscript.core.tir.device import (
    SCOPE_ID_FUNCTIONS,
    ExecScope,
    ScopeIdDefStmt,
    TilePrimitiveCall,
)
from tvmscript.core.tir.layout import Axis, ComposeLayout, Iter, TileLayout
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.expr_text import escape_string
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.printer.tir.text import ATOM, arg_text, text_of, tir_text
from tvmscript.script.printer.tir.utils import define_var, tir
from tvmscript.script.tokens import Token


@register(Token.DEFAULT, ScopeIdDefStmt)
def _print_scope_id(stmt: ScopeIdDefStmt, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    definition = stmt.definition
    frame = d.frames[-1]
    names = [define_var(v, frame, d) for v in definition.def_ids]
    lhs: D.ExprDoc = names[0] if len(names) == 1 else D.TupleDoc(names)
    args: list[D.ExprDoc] = []
    if definition.extents is not None:
        args.append(D.TextDoc(_list(definition.extents, d), ATOM))
    kwargs: list[tuple[str, D.ExprDoc]] = []
    if definition.preferred_extents is not None:
        kwargs.append(("preferred", D.TextDoc(_list(definition.preferred_extents, d), ATOM)))
    dtype = definition.def_ids[0].dtype
    if dtype != "int32":
        kwargs.append(("dtype", D.LiteralDoc(dtype)))
    func = SCOPE_ID_FUNCTIONS[definition.parent, definition.cur]
    return D.AssignDoc(lhs, tir(d, func).call(*args, kwargs=kwargs))


def _list(values: tuple[object, ...], d: IRDocsifier) -> str:
    return "[" + ", ".join(arg_text(v, d) for v in values) + "]"


def layout_text(layout: object, d: IRDocsifier) -> str:
    """The text of a layout (or ``None``)."""
    if layout is None:
        return "None"
    if isinstance(layout, ComposeLayout):
        args = [
            str(layout.per_element),
            str(layout.swizzle_len),
            str(layout.atom_len),
            layout_text(layout.tile_layout, d),
        ]
        if not layout.swizzle_inner:
            args.append("swizzle_inner=False")
        return tir_text(d, "ComposeLayout") + "(" + ", ".join(args) + ")"
    assert isinstance(layout, TileLayout)
    spec = _spec("S", layout.shard, d)
    if layout.replica:
        spec += " + " + _spec("R", layout.replica, d)
    if layout.offset:
        terms = [_on_axis(value, axis, d) for axis, value in layout.offset.items()]
        spec += " + " + (terms[0] if len(terms) == 1 else "(" + " + ".join(terms) + ")")
    return tir_text(d, "TileLayout") + "(" + spec + ")"


def _spec(kind: str, iters: tuple[Iter, ...], d: IRDocsifier) -> str:
    extents = [arg_text(it.extent, d) for it in iters]
    strides = [_on_axis(it.stride, it.axis, d) for it in iters]
    if len(iters) == 1:
        body = extents[0] + ":" + strides[0]
    else:
        body = "(" + ", ".join(extents) + "):(" + ", ".join(strides) + ")"
    return tir_text(d, kind) + "[" + body + "]"


def _on_axis(value: object, axis: Axis, d: IRDocsifier) -> str:
    if axis.name == "m":
        return arg_text(value, d)
    text, prec = text_of(value, d)
    if prec < ATOM:
        text = "(" + text + ")"
    d.extra["uses_axis"] = True
    return text + " @ Axis." + axis.name


@register(Token.DEFAULT, TileLayout)
@register(Token.DEFAULT, ComposeLayout)
def _print_layout(layout: object, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return D.TextDoc(layout_text(layout, d), ATOM)


@register(Token.DEFAULT, Axis)
def _print_axis(axis: Axis, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return D.IdDoc("Axis").attr(axis.name)


@register(Token.DEFAULT, Iter)
def _print_iter(it: Iter, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    args = [arg_text(it.extent, d), arg_text(it.stride, d), escape_string(it.axis.name)]
    return D.TextDoc(tir_text(d, "Iter") + "(" + ", ".join(args) + ")", ATOM)


@register(Token.DEFAULT, ExecScope)
def _print_exec_scope(scope: ExecScope, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return tir(d, "ExecScope").call(D.LiteralDoc(scope.name))


_TILE_LABELS: Final = {"thread": "tile", "warpgroup": "wg"}
_IN_PLACE_TILE: Final = frozenset({"cast", "exp", "exp2", "log2", "max", "min", "reciprocal",
                                   "sqrt", "zero"})  # fmt: skip


@register(Token.DEFAULT, TilePrimitiveCall)
def _print_tile_call(call: TilePrimitiveCall, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    args = list(call.args)
    while args and args[-1] is None:
        args.pop()
    if call.op in _IN_PLACE_TILE and len(args) == 2 and structural_equal(args[0], args[1]):
        args.pop()
    texts = [_tile_arg(a, d) for a in args]
    if call.dispatch is not None:
        texts.append("dispatch=" + escape_string(call.dispatch))
    if call.workspace:
        items = ", ".join(
            f"{escape_string(k)}: {_tile_arg(v, d)}" for k, v in call.workspace.items()
        )
        texts.append("workspace={" + items + "}")
    texts.extend(f"{k}={_tile_arg(v, d)}" for k, v in call.config.items())
    label = _TILE_LABELS.get(call.scope, call.scope)
    return D.ExprStmtDoc(
        D.TextDoc(tir_text(d, label + "." + call.op) + "(" + ", ".join(texts) + ")", ATOM)
    )


def _tile_arg(value: object, d: IRDocsifier) -> str:
    if value is None or isinstance(value, bool | int | float | str):
        return escape_string(value) if isinstance(value, str) else repr(value)
    if isinstance(value, list | tuple):
        inner = ", ".join(_tile_arg(v, d) for v in value)
        return "[" + inner + "]" if isinstance(value, list) else "(" + inner + ")"
    return arg_text(value, d)
