"""Struct info and shape dimensions as TVM writes them, for inference error messages.

``R.Tensor((n * 2, 4), dtype="float32")``, ``R.Tuple(R.Tensor(...), R.Shape([n]))``: the same
spelling TVM's printer uses for annotations, so a message names the struct infos the user
sees in printed programs.
"""

from __future__ import annotations

from typing import Final

from tvmscript.core.relax.struct_info import (
    FuncStructInfo,
    ObjectStructInfo,
    PrimStructInfo,
    ShapeStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E

_BINARY: Final[dict[type, tuple[str, int]]] = {
    E.Add: ("+", 11),
    E.Sub: ("-", 11),
    E.Mul: ("*", 12),
    E.FloorDiv: ("//", 12),
    E.FloorMod: ("%", 12),
    E.Div: ("/", 12),
}
_CALLS: Final[dict[type, str]] = {E.Min: "T.min", E.Max: "T.max"}
_ATOM: Final = 15


def dim_text(e: E.PrimExpr) -> str:
    """A dimension as TVM prints it in a shape (``n * 2``, ``(n + 1) // 2``, ``T.min(3, n)``)."""
    return _text(e)[0]


def _text(e: E.PrimExpr) -> tuple[str, int]:
    match e:
        case E.IntImm(dtype="int64" | "bool", value=value):
            return (str(value) if e.dtype == "int64" else str(bool(value))), _ATOM
        case E.IntImm(dtype=dtype, value=value):
            return f"T.{dtype}({value})", _ATOM
        case E.FloatImm(dtype=dtype, value=value):
            return f"T.{dtype}({value!r})", _ATOM
        case E.Var(name=name):
            return name, _ATOM
    if (op := _BINARY.get(type(e))) is not None and isinstance(e, E.BinaryOp):
        symbol, prec = op
        left, lprec = _text(e.a)
        right, rprec = _text(e.b)
        left = f"({left})" if lprec < prec else left
        right = f"({right})" if rprec <= prec else right
        return f"{left} {symbol} {right}", prec
    if (call := _CALLS.get(type(e))) is not None and isinstance(e, E.BinaryOp):
        return f"{call}({dim_text(e.a)}, {dim_text(e.b)})", _ATOM
    if isinstance(e, E.Cast):
        return f"T.Cast({e.dtype!r}, {dim_text(e.value)})", _ATOM
    return repr(e), _ATOM


def shape_text(values: tuple[E.PrimExpr, ...]) -> str:
    """``(2, 3)`` / ``(n,)`` / ``()``."""
    inner = ", ".join(dim_text(v) for v in values)
    return f"({inner},)" if len(values) == 1 else f"({inner})"


def sinfo_text(info: StructInfo | None) -> str:
    """``info`` as TVM prints it in an annotation."""
    match info:
        case None:
            return "<no struct info>"
        case TensorStructInfo():
            return _tensor_text(info)
        case ShapeStructInfo(values=values, ndim=ndim):
            if values is not None:
                return "R.Shape([" + ", ".join(dim_text(v) for v in values) + "])"
            return f"R.Shape(ndim={ndim})"
        case PrimStructInfo(dtype=dtype, value=value):
            if value is not None:
                return f"R.Prim(value={dim_text(value)})"
            return f"T.{dtype}"
        case TupleStructInfo(fields=fields):
            return "R.Tuple(" + ", ".join(sinfo_text(f) for f in fields) + ")"
        case FuncStructInfo():
            return "R.Callable"
        case ObjectStructInfo():
            return "R.Any"
    return type(info).__name__


def _tensor_text(info: TensorStructInfo) -> str:
    parts: list[str] = []
    if (values := info.shape_values) is not None:
        parts.append(shape_text(values))
    elif info.shape is not None:
        parts.append(getattr(info.shape, "name_hint", "shape"))
    if info.dtype != "void":
        parts.append(f'dtype="{info.dtype}"')
    if info.shape is None and info.ndim != -1:
        parts.append(f"ndim={info.ndim}")
    if info.vdevice is not None:
        vd = info.vdevice
        parts.append(f'vdevice="{vd.target.kind}:{vd.vdevice_id}:{vd.memory_scope}"')
    return "R.Tensor(" + ", ".join(parts) + ")" if parts else "R.Tensor"
