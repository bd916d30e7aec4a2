"""Printers of module-level IR (IRModule, GlobalVar, virtual devices) and of plain values.

Also the header: the ``# from tvm.script import ...`` comments and the module-level type
variables (``n = TypeVar("n")``) of the functions printed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

import numpy as np

from tvmscript.core.ir.global_info import DummyGlobalInfo, VDevice
from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.ir.node import Node
from tvmscript.core.ir.target import Target
from tvmscript.core.relax.expr import ExternFunc, Function
from tvmscript.core.tir.function import PrimFunc
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.tokens import Token


def ir(d: IRDocsifier, attr: str) -> D.AttrAccessDoc:
    """``I.attr`` (records that the header must import ``I``)."""
    d.ir_usage.add("ir")
    return D.AttrAccessDoc(D.IdDoc(d.cfg.ir_prefix), attr)


def header_lines(d: IRDocsifier) -> list[str]:
    """The import comments the docs printed so far need, in TVM's order."""
    lines: list[str] = []
    if d.extra.get("type_vars") or "type_var" in d.ir_usage:
        lines.append("from typing import TypeVar")
    if "ir" in d.ir_usage:
        lines.append(f"from tvm.script import ir as {d.cfg.ir_prefix}")
    if "tir" in d.ir_usage:
        lines.append(f"from tvm.script import tirx as {d.cfg.tir_prefix}")
        lines.append("from tvm.tirx.layout import Axis")
    if "relax" in d.ir_usage:
        lines.append(f"from tvm.script import relax as {d.cfg.relax_prefix}")
    return lines


def note_type_vars(d: IRDocsifier, names: Sequence[str]) -> None:
    """Declare ``names`` as module-level type variables, after those already declared."""
    order: list[str] = d.extra.setdefault("type_var_order", [])
    known: set[str] = d.extra.setdefault("type_vars", set())
    for name in names:
        if name not in order:
            order.append(name)
        known.add(name)


def _order_new_type_vars(d: IRDocsifier) -> None:
    """Order the type variables a function added without `note_type_vars` (TIR's), by name."""
    order: list[str] = d.extra.get("type_var_order", [])
    note_type_vars(d, sorted(set(d.extra.get("type_vars", ())) - set(order)))


def type_var_names(d: IRDocsifier) -> list[str]:
    """The module-level type variables, in declaration order."""
    order: list[str] = d.extra.get("type_var_order", [])
    rest = sorted(set(d.extra.get("type_vars", ())) - set(order))
    return [*order, *rest]


# TVM's order of a module's functions: PrimFuncs, extern functions, Relax functions, by name
# within each kind; `main` last.
_KIND_PRIORITY: Final[Mapping[type, int]] = {PrimFunc: 1, ExternFunc: 2, Function: 3}
_MAIN_PRIORITY: Final = 1000


def _function_order(item: tuple[GlobalVar, Node]) -> tuple[int, str]:
    gv, func = item
    if gv.name_hint == "main":
        return _MAIN_PRIORITY, gv.name_hint
    return _KIND_PRIORITY.get(type(func), 0), gv.name_hint


@register(Token.DEFAULT, IRModule)
def _print_ir_module(mod: IRModule, p: AccessPath, d: IRDocsifier) -> D.Doc:
    with d.frame(mod) as f:
        d.define_with(mod, f, lambda: D.IdDoc(d.cfg.module_alias))
        for gv in mod.functions:
            d.define_with(gv, f, _gv_creator(gv, d))
        if mod.attrs:
            attrs = d.as_doc(dict(mod.attrs), p.attr("attrs"))
            f.stmts.append(D.ExprStmtDoc(ir(d, "module_attrs").call(attrs)))
        if mod.global_infos:
            infos = d.as_doc(dict(mod.global_infos), p.attr("global_infos"))
            f.stmts.append(D.ExprStmtDoc(ir(d, "module_global_infos").call(infos)))
        d.extra["global_infos"] = mod.global_infos
        funcs_p = p.attr("functions")
        leading = d.comments.take_leading() if d.comments is not None else {}
        for gv, func in sorted(mod.functions.items(), key=_function_order):
            if d.comments is not None:  # source comments above the function, and its scope
                f.stmts.extend(D.comment(c.text) for c in leading.get(gv.name_hint, ()))
                d.comments.enter_function(gv.name_hint)
            d.cfg.binding_names.append(gv.name_hint)
            doc = d.as_doc(func, funcs_p.map_item(gv))
            d.cfg.binding_names.pop()
            _order_new_type_vars(d)
            if isinstance(doc, D.ExprDoc):  # an extern function: `f = R.ExternFunc("f")`
                doc = D.AssignDoc(D.IdDoc(gv.name_hint), doc)
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


@register(Token.DEFAULT, VDevice)
def _print_vdevice(vdev: VDevice, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """``I.vdevice({target config}, 0, "global")``."""
    return ir(d, "vdevice").call(
        d.as_doc(_target_dict(vdev.target), p.attr("target")),
        D.LiteralDoc(vdev.vdevice_id),
        D.LiteralDoc(vdev.memory_scope),
    )


@register(Token.DEFAULT, DummyGlobalInfo)
def _print_dummy_global_info(info: DummyGlobalInfo, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return ir(d, "dummy_global_info").call()


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
