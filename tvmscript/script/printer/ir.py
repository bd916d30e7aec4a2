"""Printers of module-level IR (IRModule, GlobalVar) and of plain values (str, dict, list)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import numpy as np

from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.ir.target import Target
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.tokens import Token


def ir(d: IRDocsifier, attr: str) -> D.AttrAccessDoc:
    """``I.attr`` (records that the header must import ``I``)."""
    d.ir_usage.add("ir")
    return D.AttrAccessDoc(D.IdDoc(d.cfg.ir_prefix), attr)


@register(Token.DEFAULT, IRModule)
def _print_ir_module(mod: IRModule, p: AccessPath, d: IRDocsifier) -> D.Doc:
    with d.frame(mod) as f:
        d.define_with(mod, f, lambda: D.IdDoc(d.cfg.module_alias))
        for gv in mod.functions:
            d.define_with(gv, f, _gv_creator(gv, d))
        if mod.attrs:
            attrs = d.as_doc(dict(mod.attrs), p.attr("attrs"))
            f.stmts.append(D.ExprStmtDoc(ir(d, "module_attrs").call(attrs)))
        funcs_p = p.attr("functions")
        leading = d.comments.take_leading() if d.comments is not None else {}
        for gv, func in sorted(mod.functions.items(), key=lambda kv: kv[0].name_hint):
            if d.comments is not None:  # source comments above the function, and its scope
                f.stmts.extend(D.comment(c.text) for c in leading.get(gv.name_hint, ()))
                d.comments.enter_function(gv.name_hint)
            d.cfg.binding_names.append(gv.name_hint)
            doc = d.as_doc(func, funcs_p.map_item(gv))
            d.cfg.binding_names.pop()
            f.stmts.append(doc)
        return D.ClassDoc(D.IdDoc("Module"), [ir(d, "ir_module")], f.stmts)


def _gv_creator(gv: GlobalVar, d: IRDocsifier) -> Any:
    return lambda: D.IdDoc(d.cfg.module_alias).attr(gv.name_hint)


@register(Token.DEFAULT, GlobalVar)
def _print_global_var(gv: GlobalVar, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return D.IdDoc(gv.name_hint)


@register(Token.DEFAULT, str)
def _print_str(s: str, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return D.LiteralDoc(s)


@register(Token.DEFAULT, bool)
def _print_bool(b: bool, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return D.LiteralDoc(b)


@register(Token.DEFAULT, int)
def _print_int(i: int, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return D.LiteralDoc(i)


@register(Token.DEFAULT, float)
def _print_float(x: float, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return D.LiteralDoc(x)


@register(Token.DEFAULT, type(None))
def _print_none(x: None, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return D.LiteralDoc(None)


def _print_sequence(seq: list[Any] | tuple[Any, ...], p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return D.ListDoc([d.as_doc(x, p.index(i)) for i, x in enumerate(seq)])


register(Token.DEFAULT, list)(_print_sequence)
register(Token.DEFAULT, tuple)(_print_sequence)


def _print_mapping(m: Mapping[Any, Any], p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    items = list(m.items())
    if all(isinstance(k, str) for k, _ in items):
        items.sort(key=lambda kv: kv[0])
    keys = [d.as_doc(k, p) for k, _ in items]
    values = [d.as_doc(v, p.map_item(k)) for k, v in items]
    return D.DictDoc(keys, values)


register(Token.DEFAULT, dict)(_print_mapping)


@register(Token.DEFAULT, np.ndarray)
def _print_ndarray(a: np.ndarray[Any, Any], p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return d.add_metadata(a)


register(Token.DEFAULT, type(MappingProxyType({})))(_print_mapping)


@register(Token.DEFAULT, Target)
def _print_target(t: Target, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """``T.target({...})`` inline, the host target nested as a ``"host"`` dict (as TVM)."""
    d.ir_usage.add("tir")
    return D.AttrAccessDoc(D.IdDoc(d.cfg.tir_prefix), "target").call(
        d.as_doc(_target_dict(t), p.attr("config"))
    )


def _target_dict(t: Target) -> dict[str, Any]:
    config = dict(t.config)
    if t.host is not None:
        config["host"] = _target_dict(t.host)
    return config
