"""Printer of Relax calls: operators with their attributes as keywords, and the special forms.

``R.call_tir(cls.f, (x,), out_ty=...)``, ``R.call_tir_inplace``, ``R.call_dps_packed``,
``R.print(x, format=...)``, ``R.assert_op``, ``R.hint_on_device``, ``R.to_vdevice`` and
``R.call_packed("name", ...)`` (a call of an extern function) have their own spelling.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from tvmscript.core.ir.global_info import VDevice
from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.ir.op import Op
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.op.registry import op_def
from tvmscript.core.relax.struct_info import TupleStructInfo
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.printer.relax.struct_info import vdevice_name
from tvmscript.script.printer.relax.utils import relax
from tvmscript.script.tokens import Token

Kwargs = list[tuple[str, D.ExprDoc]]
_RELAX_PREFIX: Final = "relax."


def _callee(e: rx.Expr, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """The first argument: an extern function is its name (``"my_func"``)."""
    if isinstance(e, rx.ExternFunc):
        return D.LiteralDoc(e.global_symbol)
    return d.as_doc(e, p)  # type: ignore[no-any-return]


def _args(call: rx.Call, p: AccessPath, d: IRDocsifier, start: int = 0) -> list[D.ExprDoc]:
    args_p = p.attr("args")
    return [d.as_doc(a, args_p.index(i)) for i, a in enumerate(call.args) if i >= start]


def _attr_kwargs(call: rx.Call, p: AccessPath, d: IRDocsifier) -> Kwargs:
    attrs_p = p.attr("attrs")
    return [(k, d.as_doc(v, attrs_p.attr(k))) for k, v in call.attrs.items()]


def _print_dps(call: rx.Call, p: AccessPath, d: IRDocsifier, name: str) -> D.ExprDoc:
    """``R.call_tir(cls.f, (x, y), out_ty=R.Tensor(...))`` and its siblings."""
    args_p = p.attr("args")
    args = [_callee(call.args[0], args_p.index(0), d), d.as_doc(call.args[1], args_p.index(1))]
    kwargs: Kwargs = [("out_ty", _out_ty(call, p.attr("sinfo_args"), d))]
    if name == "call_tir_inplace":
        indices = call.attrs.get("inplace_indices", ())
        kwargs.append(("inplace_indices", D.ListDoc([D.LiteralDoc(int(i)) for i in indices])))
    if len(call.args) > 2:  # the TIR variables of older TVM's `R.call_tir(..., tir_vars=...)`
        kwargs.append(("tir_vars", d.as_doc(call.args[2], args_p.index(2))))
    return relax(d, name).call(*args, kwargs=kwargs)


def _out_ty(call: rx.Call, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    infos = call.sinfo_args
    if len(infos) == 1 and isinstance(infos[0], TupleStructInfo):
        fields_p = p.index(0).attr("fields")
        return D.ListDoc([d.as_doc(f, fields_p.index(i)) for i, f in enumerate(infos[0].fields)])
    if len(infos) == 1:
        return d.as_doc(infos[0], p.index(0))  # type: ignore[no-any-return]
    return D.ListDoc([d.as_doc(f, p.index(i)) for i, f in enumerate(infos)])


def _print_print(call: rx.Call, p: AccessPath, d: IRDocsifier, name: str) -> D.ExprDoc:
    """``R.print(x, format=R.str("{}"))``: the format string is the first argument."""
    fmt = d.as_doc(call.args[0], p.attr("args").index(0))
    return relax(d, name).call(*_args(call, p, d, 1), kwargs=[("format", fmt)])


def _print_assert(call: rx.Call, p: AccessPath, d: IRDocsifier, name: str) -> D.ExprDoc:
    """``R.assert_op(cond, args..., format=R.str(...))``: the format is the second argument."""
    args_p = p.attr("args")
    cond = d.as_doc(call.args[0], args_p.index(0))
    fmt = d.as_doc(call.args[1], args_p.index(1))
    return relax(d, name).call(cond, *_args(call, p, d, 2), kwargs=[("format", fmt)])


def _print_hint_on_device(call: rx.Call, p: AccessPath, d: IRDocsifier, name: str) -> D.ExprDoc:
    """``R.hint_on_device(x, R.device(dev_type=..., index=...), "global")``."""
    args: list[D.ExprDoc] = [_callee(call.args[0], p.attr("args").index(0), d)]
    kwargs = _attr_kwargs(call, p, d)
    if kwargs:
        _, scope = kwargs.pop()
        args += [relax(d, "device").call(kwargs=kwargs), scope]
    return relax(d, name).call(*args)


def _print_to_vdevice(call: rx.Call, p: AccessPath, d: IRDocsifier, name: str) -> D.ExprDoc:
    """``R.to_vdevice(x, dst_vdevice="cuda:0:global")``."""
    args: list[D.ExprDoc] = [_callee(call.args[0], p.attr("args").index(0), d)]
    kwargs: Kwargs = []
    if isinstance(vdev := call.attrs.get("dst_vdevice"), VDevice):
        kwargs.append(("dst_vdevice", D.LiteralDoc(vdevice_name(vdev, d))))
    return relax(d, name).call(*args, kwargs=kwargs)


SpecialPrinter = Callable[[rx.Call, AccessPath, IRDocsifier, str], D.ExprDoc]
_SPECIAL: Final[dict[str, tuple[str, SpecialPrinter]]] = {
    "relax.call_tir": ("call_tir", _print_dps),
    "relax.call_tir_inplace": ("call_tir_inplace", _print_dps),
    "relax.call_dps_packed": ("call_dps_packed", _print_dps),
    "relax.call_tir_with_grad": ("call_tir_with_grad", _print_dps),
    "relax.assert_op": ("assert_op", _print_assert),
    "relax.hint_on_device": ("hint_on_device", _print_hint_on_device),
    "relax.to_vdevice": ("to_vdevice", _print_to_vdevice),
    "relax.print": ("print", _print_print),
}


def _op_prefix(op: Op, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """``R.nn.conv2d`` for ``relax.nn.conv2d``; another dialect's operator by its name."""
    if (definition := op_def(op)) is not None:
        return relax(d, definition.script_name)
    if op.name.startswith(_RELAX_PREFIX):
        return relax(d, op.name.removeprefix(_RELAX_PREFIX))
    return D.IdDoc(op.name)


@register(Token.DEFAULT, rx.Call)
def _print_call(call: rx.Call, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    op = call.op
    # Step 1. Special forms.
    if isinstance(op, Op) and (special := _SPECIAL.get(op.name)) is not None:
        name, printer = special
        return printer(call, p, d, name)
    # Step 2. The callee: an operator, an extern function (`R.call_packed`), a function.
    args: list[D.ExprDoc] = []
    if isinstance(op, rx.ExternFunc):
        prefix = relax(d, "call_packed")
        args.append(D.LiteralDoc(op.global_symbol))
    elif isinstance(op, Op):
        prefix = _op_prefix(op, p.attr("op"), d)
    elif isinstance(op, rx.Var | GlobalVar):
        prefix = d.as_doc(op, p.attr("op"))
    else:
        raise TypeError(f"cannot print a call of {type(op).__name__}")
    # Step 3. Arguments, attributes (declaration order), then the struct info arguments.
    args_p = p.attr("args")
    for i, a in enumerate(call.args):
        args.append(_callee(a, args_p.index(i), d) if i == 0 else d.as_doc(a, args_p.index(i)))
    kwargs = _attr_kwargs(call, p, d)
    if call.sinfo_args:
        sinfo_p = p.attr("sinfo_args")
        infos = [d.as_doc(s, sinfo_p.index(i)) for i, s in enumerate(call.sinfo_args)]
        kwargs.append(("ty_args", D.TupleDoc(infos)))
    return prefix.call(*args, kwargs=kwargs)
