"""Helpers every operator family shares: argument conversion, struct-info access, axes, shapes.

Constructors accept what TVM's do: Relax expressions, and Python values where TVM converts
them (``(n, 4)`` → ``R.shape([n, 4])``, ``0.5`` → ``T.float64(0.5)``, ``[x, y]`` →
``(x, y)``). Dimensions are int64 TIR expressions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final, TypeAlias

import numpy as np

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.global_info import VDevice
from tvmscript.core.relax.expr import (
    Call,
    Constant,
    DataTypeImm,
    Expr,
    PrimValue,
    ShapeExpr,
    StringImm,
    Tuple,
)
from tvmscript.core.relax.op._simplify import prove_equal, prove_not_equal, simplify
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import InferenceError, op_def
from tvmscript.core.relax.struct_info import (
    ObjectStructInfo,
    PrimStructInfo,
    ShapeStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E

INDEX: Final = "int64"
Dim: TypeAlias = E.PrimExpr | int
Shape: TypeAlias = tuple[E.PrimExpr, ...]
ExprLike: TypeAlias = Expr | E.PrimExpr | int | float | bool | str | Sequence[Any]
"""A Relax expression or a Python value TVM converts to one."""
ShapeLike: TypeAlias = Expr | Sequence[Dim] | Dim
"""A shape: a Relax expression of a shape, or its dimensions."""


# ---------------------------------------------------------------------------------------------
# Converting arguments


def dim(value: Dim) -> E.PrimExpr:
    """A dimension: Python ints become int64 constants."""
    if isinstance(value, E.PrimExpr):
        return value
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"expected an integer dimension, got {type(value).__name__!r}")
    return E.IntImm(INDEX, int(value))


def shape_expr(values: Sequence[Dim]) -> ShapeExpr:
    """``R.shape([...])`` with its struct info."""
    dims = tuple(dim(v) for v in values)
    return ShapeExpr(dims, struct_info=ShapeStructInfo(dims))


def to_shape(value: ShapeLike) -> Expr:
    """A shape argument: a shape-valued expression, or dimensions (an int is one dimension)."""
    if isinstance(value, Expr):
        return with_info(value)
    if isinstance(value, int | E.PrimExpr):
        return shape_expr([value])
    return shape_expr(list(value))


def prim_value(value: E.PrimExpr | int | float | bool) -> PrimValue:
    """``R.prim_value``: ints become int64, floats float64 (TVM's conversion)."""
    if isinstance(value, bool):
        expr: E.PrimExpr = E.IntImm("bool", int(value))
    elif isinstance(value, int | np.integer):
        expr = E.IntImm(INDEX, int(value))
    elif isinstance(value, float | np.floating):
        expr = E.FloatImm("float64", float(value))
    elif isinstance(value, E.PrimExpr):
        expr = value
    else:
        raise TypeError(
            f"R.prim_value takes a TIR expression or a Python number, got '{type(value).__name__}'"
        )
    return PrimValue(expr, struct_info=PrimStructInfo(expr.dtype, expr))


def to_expr(value: ExprLike) -> Expr:
    """A Relax argument from an expression or a Python value."""
    if isinstance(value, Expr):
        return with_info(value)
    if isinstance(value, E.PrimExpr | int | float | np.integer | np.floating):
        return prim_value(value)
    if isinstance(value, str):
        return StringImm(value, struct_info=ObjectStructInfo())
    if isinstance(value, Sequence):
        return tuple_expr([to_expr(v) for v in value])
    raise TypeError(f"cannot use a {type(value).__name__!r} as a Relax expression")


def to_tensor(value: ExprLike) -> Expr:
    """A tensor argument; Python scalars become scalar constants (as TVM's binary operators)."""
    if isinstance(value, Expr):
        return with_info(value)
    if isinstance(value, bool | int | float | np.integer | np.floating):
        return constant(value)
    return to_expr(value)


def tuple_expr(fields: Sequence[Expr]) -> Tuple:
    """``(a, b, ...)`` with its struct info when every field has one."""
    items = tuple(with_info(f) for f in fields)
    infos = [f.struct_info for f in items]
    info = None if any(i is None for i in infos) else TupleStructInfo(tuple(infos))  # type: ignore[arg-type]
    return Tuple(items, struct_info=info)


def to_tuple(value: Expr | Sequence[Expr]) -> Expr:
    """A tuple argument: a tuple-valued expression, or its fields."""
    if isinstance(value, Expr):
        return with_info(value)
    return tuple_expr(list(value))


def constant(value: object, dtype: str | None = None) -> Constant:
    """``R.const(value, dtype)``: Python floats default to float32, ints to int32."""
    if dtype is not None:
        try:
            np.dtype(dtype)
        except (TypeError, ValueError, SyntaxError):  # numpy parses "a,b" as a record type
            raise ValueError(f"unknown data type '{dtype}'") from None
    if isinstance(value, np.ndarray):
        data = value.astype(dtype) if dtype is not None else value
    else:
        default = dtype
        if default is None:
            probe = np.asarray(value)
            default = _DEFAULT_CONST_DTYPES.get(probe.dtype.kind, str(probe.dtype))
        data = np.asarray(value, dtype=default)
    dims = tuple(E.IntImm(INDEX, int(d)) for d in data.shape)
    name = "bool" if data.dtype == np.bool_ else str(data.dtype)
    return Constant(data, struct_info=TensorStructInfo(ShapeExpr(dims), name))


_DEFAULT_CONST_DTYPES: Final = {"f": "float32", "i": "int32", "u": "uint32", "b": "bool"}


def with_info(expr: Expr) -> Expr:
    """``expr``, its struct info filled in when it is a literal that lacks one."""
    if expr.struct_info is not None:
        return expr
    info: StructInfo | None = None
    match expr:
        case ShapeExpr(values=values):
            info = ShapeStructInfo(tuple(values))
        case PrimValue(value=value):
            info = PrimStructInfo(value.dtype, value)
        case StringImm() | DataTypeImm():
            info = ObjectStructInfo()
        case Constant(data=data):
            dims = tuple(E.IntImm(INDEX, int(d)) for d in data.shape)
            info = TensorStructInfo(ShapeExpr(dims), expr.dtype)
        case Tuple(fields=fields):
            filled = [with_info(f).struct_info for f in fields]
            if all(f is not None for f in filled):
                info = TupleStructInfo(tuple(filled))  # type: ignore[arg-type]
    return expr if info is None else expr.with_struct_info(info)


def dtype_name(dtype: object) -> str:
    """A dtype argument as its string (``None`` → ``"void"``)."""
    if dtype is None:
        return "void"
    return str(dtype)


def opt_dtype(dtype: object) -> str | None:
    """An optional dtype attribute: None stays None."""
    return None if dtype is None else str(dtype)


def int_list(value: int | Sequence[int], length: int) -> tuple[int, ...]:
    """An int expanded to ``length`` copies; a sequence as a tuple of ints."""
    if isinstance(value, int | E.IntImm):
        return (int(value),) * length
    return tuple(int(v) for v in value)


def int_tuple(value: int | Sequence[int]) -> tuple[int, ...]:
    """One int as a 1-tuple, a sequence as a tuple of ints."""
    if isinstance(value, int | E.IntImm):
        return (int(value),)
    return tuple(int(v) for v in value)


# ---------------------------------------------------------------------------------------------
# Reading calls


def op_name(call: Call) -> str:
    """``R.add``: the operator as written in TVMScript."""
    definition = op_def(call.op)
    return "R." + definition.script_name if definition is not None else repr(call.op)


def fail(message: str, code: str = "invalid-argument") -> InferenceError:
    """An inference error to raise."""
    return InferenceError(message, code)


def arg_info(call: Call, index: int) -> StructInfo:
    """The struct info of argument ``index`` (an error when it has none)."""
    info = getattr(call.args[index], "struct_info", None)
    if info is None:
        raise fail(f"{op_name(call)}: argument {index} has no struct info")
    return info  # type: ignore[no-any-return]


def tensor_info(call: Call, index: int, what: str = "") -> TensorStructInfo:
    """The struct info of tensor argument ``index`` (an error when it is no tensor)."""
    info = arg_info(call, index)
    if isinstance(info, TensorStructInfo):
        return info
    label = what or f"argument {index}"
    raise fail(f"{op_name(call)} expects a tensor as {label}, got {sinfo_text(info)}")


def tensor_or_prim(call: Call, index: int) -> TensorStructInfo:
    """A tensor argument; a PrimValue counts as a scalar tensor of its dtype."""
    info = arg_info(call, index)
    if isinstance(info, PrimStructInfo):
        return TensorStructInfo(ShapeExpr(()), info.dtype)
    return tensor_info(call, index)


def tuple_of_tensors(call: Call, index: int) -> list[TensorStructInfo]:
    """The fields of a tuple-of-tensors argument."""
    info = arg_info(call, index)
    if isinstance(info, TensorStructInfo):
        return [info]
    if not isinstance(info, TupleStructInfo):
        raise fail(f"{op_name(call)} expects a tuple of tensors, got {sinfo_text(info)}")
    out = []
    for field_info in info.fields:
        if not isinstance(field_info, TensorStructInfo):
            raise fail(f"{op_name(call)} expects a tuple of tensors, got {sinfo_text(info)}")
        out.append(field_info)
    return out


def shape_values(call: Call, index: int) -> tuple[Shape | None, int]:
    """The dimensions (when known) and rank of shape argument ``index``."""
    info = arg_info(call, index)
    if not isinstance(info, ShapeStructInfo):
        raise fail(f"{op_name(call)} expects a shape as argument {index}, got {sinfo_text(info)}")
    return info.values, info.ndim


def prim_arg(call: Call, index: int) -> E.PrimExpr | None:
    """The value of PrimValue argument ``index`` when known."""
    info = arg_info(call, index)
    if isinstance(info, PrimStructInfo):
        return info.value
    return None


def is_float(dtype: str) -> bool:
    return dtype != "void" and DataType.of(dtype).is_float


def is_int(dtype: str) -> bool:
    return dtype != "void" and DataType.of(dtype).is_integer


def require_float(call: Call, info: TensorStructInfo) -> None:
    """An error unless the tensor's dtype is a float (or unknown)."""
    if info.dtype != "void" and not is_float(info.dtype):
        raise fail(
            f"{op_name(call)} expects a float tensor, got {sinfo_text(info)}", "dtype-mismatch"
        )


# ---------------------------------------------------------------------------------------------
# Building results


def tensor(
    shape: Sequence[E.PrimExpr] | Expr | None,
    dtype: str,
    ndim: int = -1,
    vdevice: VDevice | None = None,
) -> TensorStructInfo:
    """A tensor struct info; known dimensions are simplified as TVM prints them."""
    if shape is None:
        return TensorStructInfo(None, dtype, ndim, vdevice)
    if isinstance(shape, Expr):
        return TensorStructInfo(shape, dtype, ndim, vdevice)
    dims = tuple(simplify(dim(d)) for d in shape)
    return TensorStructInfo(ShapeExpr(dims), dtype, len(dims), vdevice)


def like(info: TensorStructInfo, dtype: str | None = None) -> TensorStructInfo:
    """``info`` with another dtype (shape, rank and device kept)."""
    return TensorStructInfo(
        info.shape, info.dtype if dtype is None else dtype, info.ndim, info.vdevice
    )


def normalize_axis(call: Call, axis: int, ndim: int) -> int:
    """``axis`` in ``[0, ndim)`` (negative axes count from the end)."""
    if not -ndim <= axis < ndim:
        raise fail(
            f"{op_name(call)}: axis {axis} is out of range for a tensor of rank {ndim} "
            f"(expected an axis in [{-ndim}, {ndim}))",
            "invalid-axis",
        )
    return axis + ndim if axis < 0 else axis


def normalize_axes(call: Call, axes: Sequence[int], ndim: int) -> list[int]:
    """Each axis normalised; repeated axes are an error."""
    out: list[int] = []
    for axis in axes:
        normalized = normalize_axis(call, axis, ndim)
        if normalized in out:
            raise fail(
                f"{op_name(call)}: axis {normalized} is given more than once", "invalid-axis"
            )
        out.append(normalized)
    return out


def product(dims: Sequence[E.PrimExpr]) -> E.PrimExpr:
    """The product of dimensions (1 for none)."""
    out: E.PrimExpr = E.IntImm(INDEX, 1)
    for d in dims:
        out = d if isinstance(out, E.IntImm) and out.value == 1 else E.Mul(out, d)
    return simplify(out)


def same_dims(a: E.PrimExpr, b: E.PrimExpr) -> bool:
    return prove_equal(a, b)


def differ(a: E.PrimExpr, b: E.PrimExpr) -> bool:
    return prove_not_equal(a, b)


def is_one(d: E.PrimExpr) -> bool:
    return isinstance(d, E.IntImm) and d.value == 1


def broadcast_shapes(
    call: Call, a: TensorStructInfo, b: TensorStructInfo, sa: Shape, sb: Shape
) -> Shape | None:
    """The broadcast of two known shapes (None when a symbolic pair cannot be decided)."""
    out: list[E.PrimExpr] = []
    for i in range(1, max(len(sa), len(sb)) + 1):
        if i > len(sa):
            out.append(sb[-i])
            continue
        if i > len(sb):
            out.append(sa[-i])
            continue
        da, db = sa[-i], sb[-i]
        if is_one(da):
            out.append(db)
        elif is_one(db) or same_dims(da, db):
            out.append(da)
        elif isinstance(da, E.IntImm) and isinstance(db, E.IntImm):
            raise fail(
                f"incompatible shapes for {op_name(call)}: {sinfo_text(a)} and {sinfo_text(b)}",
                "shape-mismatch",
            )
        else:
            return None
    return tuple(reversed(out))


def common_vdevice(*infos: TensorStructInfo) -> VDevice | None:
    """The device of the first operand that has one."""
    for info in infos:
        if info.vdevice is not None:
            return info.vdevice
    return None
