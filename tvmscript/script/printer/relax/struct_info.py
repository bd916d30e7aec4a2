"""Printers of struct info: ``R.Tensor((n, 4), dtype="float32")``, ``R.Shape([n])``, ..."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tvmscript.core.ir.global_info import VDevice
from tvmscript.core.relax.expr import ShapeExpr
from tvmscript.core.relax.struct_info import (
    UNKNOWN_NDIM,
    FuncStructInfo,
    ObjectStructInfo,
    PrimStructInfo,
    ShapeStructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.printer.relax.utils import relax, shape_var_doc
from tvmscript.script.printer.tir.utils import tir
from tvmscript.script.tokens import Token


@register(Token.DEFAULT, ObjectStructInfo)
def _print_object(info: ObjectStructInfo, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return relax(d, "Any")  # TVM 0.27 calls any value `R.Any` (`R.Object` is its alias)


@register(Token.DEFAULT, PrimStructInfo)
def _print_prim(info: PrimStructInfo, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return tir(d, info.dtype)  # a scalar's type is TIR's: `T.int64`


@register(Token.DEFAULT, ShapeStructInfo)
def _print_shape(info: ShapeStructInfo, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    if info.values is None:
        return relax(d, "Shape").call(kwargs=[("ndim", D.LiteralDoc(info.ndim))])
    values_p = p.attr("values")
    dims = [shape_var_doc(v, values_p.index(i), d) for i, v in enumerate(info.values)]
    return relax(d, "Shape").call(D.ListDoc(dims))


@register(Token.DEFAULT, TensorStructInfo)
def _print_tensor(info: TensorStructInfo, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    args: list[D.ExprDoc] = []
    kwargs: list[tuple[str, D.ExprDoc]] = []
    if isinstance(info.shape, ShapeExpr):  # `(n, 4)`, not `R.shape([n, 4])`
        values_p = p.attr("shape").attr("values")
        dims = [shape_var_doc(v, values_p.index(i), d) for i, v in enumerate(info.shape.values)]
        args.append(D.TupleDoc(dims))
    elif info.shape is not None:
        args.append(d.as_doc(info.shape, p.attr("shape")))
    if not info.is_unknown_dtype:
        kwargs.append(("dtype", D.LiteralDoc(info.dtype)))
    if info.shape is None and info.ndim != UNKNOWN_NDIM:
        kwargs.append(("ndim", D.LiteralDoc(info.ndim)))
    if info.vdevice is not None:
        kwargs.append(("vdevice", D.LiteralDoc(vdevice_name(info.vdevice, d))))
    if not args and not kwargs:
        return relax(d, "Tensor")
    return relax(d, "Tensor").call(*args, kwargs=kwargs)


def vdevice_name(vdev: VDevice, d: IRDocsifier) -> str:
    """``"kind:index:scope"``: index among the module's virtual devices of the same kind."""
    infos: Mapping[str, Any] = d.extra.get("global_infos", {})
    devices: Sequence[object] = infos.get("vdevice", ())
    kind = vdev.target.kind
    index = 0
    for other in devices:
        if other is vdev:
            break
        if isinstance(other, VDevice) and other.target.kind == kind:
            index += 1
    else:
        index = -1
    return f"{kind}:{index}:{vdev.memory_scope}"


@register(Token.DEFAULT, TupleStructInfo)
def _print_tuple(info: TupleStructInfo, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    if not info.fields:
        return relax(d, "Tuple")
    fields_p = p.attr("fields")
    return relax(d, "Tuple").call(
        *(d.as_doc(f, fields_p.index(i)) for i, f in enumerate(info.fields))
    )


@register(Token.DEFAULT, FuncStructInfo)
def _print_func(info: FuncStructInfo, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    ret = d.as_doc(info.ret, p.attr("ret"))
    purity = D.LiteralDoc(info.purity)
    if info.params is None:
        # Step 1. An opaque function: `R.Callable`, its result and purity only when notable.
        kwargs: list[tuple[str, D.ExprDoc]] = []
        if not isinstance(info.ret, ObjectStructInfo):
            kwargs.append(("ret", ret))
        if info.purity:
            kwargs.append(("purity", purity))
        return relax(d, "Callable").call(kwargs=kwargs) if kwargs else relax(d, "Callable")
    # Step 2. Otherwise `R.Callable((params,), ret, purity)`.
    params_p = p.attr("params")
    params = [d.as_doc(x, params_p.index(i)) for i, x in enumerate(info.params)]
    return relax(d, "Callable").call(D.TupleDoc(params), ret, purity)
