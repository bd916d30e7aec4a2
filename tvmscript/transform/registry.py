"""The legalization table and what a legalization works with (`OpCall`).

A legalization takes one operator call and returns the Relax expression replacing it,
usually ``R.call_tir`` of a PrimFunc it describes with `te` computes (`OpCall.emit`, TVM's
``BlockBuilder.call_te``). Families register with `legalizes`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from tvmscript.core.ir.global_info import VDevice
from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.ir.node import replace_fields
from tvmscript.core.ir.op import get_op
from tvmscript.core.ir.span import Span
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import (
    PrimStructInfo,
    ShapeStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.function import PrimFunc
from tvmscript.transform import te
from tvmscript.transform.errors import LegalizeError, UnknownShape


class FunctionSink(Protocol):
    """Where emitted PrimFuncs go: the module being legalized (dedup and naming)."""

    def add_func(self, func: PrimFunc, name_hint: str) -> GlobalVar: ...


Legalization = Callable[["OpCall"], rx.Expr]
_TABLE: Final[dict[str, Legalization]] = {}


def legalizes(*names: str) -> Callable[[Legalization], Legalization]:
    """Register the decorated function as the legalization of ``R.<name>`` for each name."""

    def register(fn: Legalization) -> Legalization:
        for name in names:
            if name in _TABLE:
                raise RuntimeError(f"two legalizations for R.{name}")
            _TABLE[name] = fn
        return fn

    return register


def legalization(name: str) -> Legalization | None:
    """The legalization of ``R.<name>``, when there is one."""
    return _TABLE.get(name)


def legalized_ops() -> list[str]:
    """The operators (script names) that have a legalization, sorted."""
    return sorted(_TABLE)


@dataclass(eq=False)
class OpCall:
    """One operator call being legalized, with helpers to describe its PrimFunc."""

    call: rx.Call
    name: str
    """The operator's script name (``"add"``, ``"nn.conv2d"``)."""
    sink: FunctionSink
    span: Span | None = None
    _placeholders: list[te.Tensor] = field(default_factory=list)
    _arg_exprs: list[rx.Expr] = field(default_factory=list)

    @property
    def attrs(self) -> Any:
        return self.call.attrs

    def fail(self, reason: str) -> LegalizeError:
        """An error naming this call's operator (raise it)."""
        return LegalizeError(f"R.{self.name}", reason, self.span)

    # Arguments ---------------------------------------------------------------------------

    def arg(self, index: int) -> rx.Expr:
        return self.call.args[index]

    def info(self, index: int) -> TensorStructInfo:
        """The tensor struct info of argument ``index``."""
        info = self.call.args[index].struct_info
        if not isinstance(info, TensorStructInfo):
            raise self.fail(f"argument {index} is not a tensor")
        return info

    def out_info(self) -> StructInfo:
        info = self.call.struct_info
        if info is None:
            raise self.fail("the call has no struct info")
        return info

    def out_tensor_info(self) -> TensorStructInfo:
        info = self.out_info()
        if not isinstance(info, TensorStructInfo):
            raise self.fail("the result is not a tensor")
        return info

    def shape_of(self, info: TensorStructInfo) -> tuple[E.PrimExpr, ...]:
        """The known shape of ``info`` (a call with an unknown shape cannot be legalized)."""
        if (values := info.shape_values) is None:
            raise UnknownShape(f"R.{self.name}", "a tensor's shape is not known", self.span)
        return values

    def out_shape(self) -> tuple[E.PrimExpr, ...]:
        return self.shape_of(self.out_tensor_info())

    def tensor(self, index: int) -> te.Tensor:
        """A placeholder for tensor argument ``index`` (named as the argument)."""
        return self.tensor_of(self.call.args[index])

    def tensor_of(self, expr: rx.Expr) -> te.Tensor:
        """A placeholder for the Relax tensor ``expr``."""
        info = expr.struct_info
        if not isinstance(info, TensorStructInfo):
            raise self.fail("an argument is not a tensor")
        ph = te.placeholder(self.shape_of(info), info.dtype, _arg_name(expr))
        self._placeholders.append(ph)
        self._arg_exprs.append(expr)
        return ph

    def operand(self, index: int) -> te.Tensor | E.PrimExpr:
        """Argument ``index`` as a tensor, or as its value when it is a scalar constant.

        A 0-d constant or a `PrimValue` is inlined (TVM's ``call_te`` does the same).
        """
        arg = self.call.args[index]
        if isinstance(arg, rx.Constant) and arg.data.ndim == 0:
            return arith.make_const(arg.dtype, arg.data.item())
        if isinstance(arg, rx.PrimValue):
            return arg.value
        return self.tensor_of(arg)

    def tensors_of_tuple(self, index: int) -> list[te.Tensor]:
        """Placeholders for the fields of tuple argument ``index``."""
        arg = self.call.args[index]
        if isinstance(arg, rx.Tuple):
            return [self.tensor_of(f) for f in arg.fields]
        info = arg.struct_info
        if not isinstance(info, TupleStructInfo):
            raise self.fail(f"argument {index} is not a tuple")
        return [
            self.tensor_of(rx.TupleGetItem(arg, i, struct_info=f))
            for i, f in enumerate(info.fields)
        ]

    def prim(self, index: int) -> E.PrimExpr:
        """The value of `PrimValue` argument ``index`` (a TIR expression)."""
        arg = self.call.args[index]
        if isinstance(arg, rx.PrimValue):
            return arg.value
        info = arg.struct_info
        if isinstance(info, PrimStructInfo) and info.value is not None:
            return info.value
        raise self.fail(f"argument {index} is not a known scalar")

    def shape_arg(self, index: int) -> tuple[E.PrimExpr, ...]:
        """The dimensions of shape argument ``index``."""
        arg = self.call.args[index]
        if isinstance(arg, rx.ShapeExpr):
            return arg.values
        info = arg.struct_info
        if isinstance(info, ShapeStructInfo) and info.values is not None:
            return info.values
        raise self.fail(f"argument {index} is not a known shape")

    # Emitting ----------------------------------------------------------------------------

    def emit(
        self,
        name_hint: str,
        outputs: te.Tensor | Sequence[te.Tensor],
        inputs: Sequence[te.Tensor] | None = None,
        scalars: Sequence[E.PrimExpr] = (),
    ) -> rx.Expr:
        """``R.call_tir`` of the PrimFunc computing ``outputs`` from ``inputs``.

        ``inputs`` default to every placeholder made for this call, in the order they were
        made. Symbolic dimensions no buffer shape defines (and the variables of ``scalars``, the
        symbolic values the computes use) become scalar parameters passed as ``tir_vars``.
        """
        outs = [outputs] if isinstance(outputs, te.Tensor) else list(outputs)
        ins = list(self._placeholders if inputs is None else inputs)
        args = [self._arg_exprs[_index_of(self._placeholders, t)] for t in ins]
        tir_vars = unbound_vars([*ins, *outs], scalars)
        func = te.create_prim_func([*ins, *outs, *tir_vars])
        if (vdevice := self._vdevice()) is not None:  # TVM pins the PrimFunc to the device
            func = replace_fields(func, attrs={"target": vdevice.target, **func.attrs})
            name_hint = f"{name_hint}_{vdevice.target.kind}"
        gv = self.sink.add_func(func, name_hint)
        out_infos = [_tensor_sinfo(t, self.call) for t in outs]
        return call_tir(gv, args, out_infos, tir_vars)

    def _vdevice(self) -> VDevice | None:
        infos = [self.call.struct_info, *(a.struct_info for a in self.call.args)]
        for info in infos:
            if isinstance(info, TensorStructInfo) and info.vdevice is not None:
                return info.vdevice
        return None


def _index_of(items: Sequence[te.Tensor], item: te.Tensor) -> int:
    for i, x in enumerate(items):
        if x is item:
            return i
    raise ValueError(f"tensor '{item.name}' is not a placeholder of this call")


def _arg_name(expr: rx.Expr) -> str:
    if isinstance(expr, rx.Var):
        return expr.name_hint
    if isinstance(expr, rx.TupleGetItem) and isinstance(expr.tuple_value, rx.Var):
        return f"{expr.tuple_value.name_hint}_{expr.index}"
    return "A"


def _tensor_sinfo(t: te.Tensor, call: rx.Call) -> TensorStructInfo:
    info = call.struct_info
    vdevice = info.vdevice if isinstance(info, TensorStructInfo) else None
    return TensorStructInfo(rx.ShapeExpr(t.shape), t.dtype, vdevice=vdevice)


def unbound_vars(tensors: Sequence[te.Tensor], scalars: Sequence[E.PrimExpr] = ()) -> list[E.Var]:
    """Variables of the shapes of ``tensors`` and of ``scalars`` that no shape defines.

    A shape defines the variables it has as bare dimensions.
    """
    from tvmscript.transform.regions import expr_nodes

    bound = {id(d) for t in tensors for d in t.shape if isinstance(d, E.Var)}
    found: list[E.Var] = []
    exprs = [d for t in tensors for d in t.shape] + list(scalars)
    for d in exprs:
        for node in expr_nodes(d):
            if (
                isinstance(node, E.Var)
                and id(node) not in bound
                and all(node is not f for f in found)
            ):
                found.append(node)
    return found


def call_tir(
    gv: GlobalVar,
    args: Sequence[rx.Expr],
    outs: Sequence[TensorStructInfo],
    tir_vars: Sequence[E.PrimExpr] = (),
) -> rx.Call:
    """``R.call_tir(gv, (args...), out_ty=outs)`` with its struct info."""
    fields = tuple(args)
    arg_tuple = rx.Tuple(fields, struct_info=_tuple_info(fields))
    out: StructInfo = outs[0] if len(outs) == 1 else TupleStructInfo(tuple(outs))
    operands: tuple[Any, ...] = (gv, arg_tuple)
    if tir_vars:
        values = tuple(tir_vars)
        operands += (rx.ShapeExpr(values, struct_info=ShapeStructInfo(values)),)
    return rx.Call(get_op("relax.call_tir"), operands, {}, (out,), struct_info=out)


def _tuple_info(fields: Sequence[rx.Expr]) -> TupleStructInfo | None:
    infos = [f.struct_info for f in fields]
    if any(i is None for i in infos):
        return None
    return TupleStructInfo(tuple(i for i in infos if i is not None))
