"""Struct-info annotations with TVM 0.27's parameters: ``R.Tensor``, ``R.Shape``, ...

``R.Tuple``, ``R.Object``, ``R.Prim`` and ``R.Callable`` too.

Dimensions are int64: Python ints become constants, strings name the function's symbolic
dimensions (``R.Tensor(("n", 4))``; one variable per name and function) or are expressions of
them (``"n * m"``, read with Python's ``ast`` and interpreted, never evaluated). A ``vdevice``
string ``"kind[:index[:scope]]"`` names a virtual device of the module's
``I.module_global_infos({"vdevice": [...]})``.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable as CallableType
from collections.abc import Sequence
from types import FunctionType
from typing import Any, Final

from tvmscript.core.ir.dtype import DataType, is_valid_dtype
from tvmscript.core.ir.global_info import VDevice
from tvmscript.core.ir.target import Target
from tvmscript.core.relax.expr import Expr, ShapeExpr
from tvmscript.core.relax.struct_info import (
    UNKNOWN_NDIM,
    VOID,
    FuncStructInfo,
    ObjectStructInfo,
    PrimStructInfo,
    ShapeStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E
from tvmscript.script.ir_builder.base import IRBuilder
from tvmscript.script.ir_builder.relax.frames import RelaxError, current_span, enclosing_function

INDEX: Final = "int64"
DTYPE_ALIASES: Final = {"float": "float32", "int": "int32", "uint": "uint32"}
"""Short dtype names TVM 0.27 accepts in Relax annotations."""


# ---------------------------------------------------------------------------------------------
# Dimensions


def sym_var(name: str) -> E.Var:
    """The symbolic dimension ``name`` of the current function (created on first use)."""
    frame = enclosing_function()
    if frame is None:
        return E.Var(name, INDEX, span=current_span())
    if not frame.allow_string_dims:
        raise RelaxError(
            "string-dim-outside-signature",
            f"a dimension written as a string ('{name}') is only allowed in the function's "
            f"signature; in the body use a symbolic variable ({name} = T.int64())",
        )
    if (var := frame.sym_vars.get(name)) is None:
        var = frame.sym_vars[name] = E.Var(name, INDEX, span=current_span())
    return var


def to_dim(value: object) -> E.PrimExpr:
    """One dimension: an int, an int64 expression or a string naming/spelling one."""
    if isinstance(value, bool):
        raise TypeError(f"expected a dimension, got {value!r}")
    if isinstance(value, int):
        return E.IntImm(INDEX, value)
    if isinstance(value, str):
        return dim_from_string(value)
    if isinstance(value, E.PrimExpr):
        if not DataType.of(value.dtype).is_integer:
            raise TypeError(f"a dimension must be an integer, got a '{value.dtype}' expression")
        return value
    raise TypeError(f"expected a dimension (int, expression or name), got {type(value).__name__!r}")


def dim_from_string(text: str) -> E.PrimExpr:
    """``"n"`` (a symbolic dimension) or an expression of them such as ``"n * m"``."""
    if text.isidentifier():
        return sym_var(text)
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        raise ValueError(f"cannot read the dimension {text!r}") from None
    result: E.PrimExpr = _dim_expr(tree.body, text)
    return result


_BINOPS: Final[dict[type, CallableType[[Any, Any], Any]]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
}


def _dim_expr(node: ast.expr, text: str) -> Any:
    match node:
        case ast.Name(id=name):
            return sym_var(name)
        case ast.Constant(value=int() as value) if not isinstance(value, bool):
            return E.IntImm(INDEX, value)
        case ast.BinOp(left=left, op=op, right=right) if type(op) in _BINOPS:
            return _BINOPS[type(op)](_dim_expr(left, text), _dim_expr(right, text))
        case ast.UnaryOp(op=ast.USub(), operand=operand):
            return -_dim_expr(operand, text)
    raise ValueError(f"cannot read the dimension {text!r}: only names, integers and + - * // %")


def string_dim_names(text: str) -> list[str]:
    """The names a string dimension uses (``"n * m"`` -> ``["n", "m"]``)."""
    if text.isidentifier():
        return [text]
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        return []
    return [n.id for n in ast.walk(tree) if isinstance(n, ast.Name)]


def _dims(values: Sequence[object], what: str) -> tuple[E.PrimExpr, ...]:
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        raise TypeError(
            f"{what} expects the dimensions as a tuple or list, got {type(values).__name__!r}"
        )
    return tuple(to_dim(v) for v in values)


def _dtype(dtype: object) -> str:
    if dtype is None:
        return VOID
    text = str(dtype)
    text = DTYPE_ALIASES.get(text, text)
    if text != VOID and not is_valid_dtype(text) and not _lenient_dtype(text):
        raise ValueError(f"unknown dtype '{text}'")
    return text


def _lenient_dtype(text: str) -> bool:
    """TVM 0.27 accepts any width after ``int``/``uint``/``float`` (``float33``)."""
    for prefix in ("float", "uint", "int"):
        if text.startswith(prefix):
            rest = text[len(prefix) :]
            return rest.isdigit()
    return False


# ---------------------------------------------------------------------------------------------
# Virtual devices


def vdevice(spec: object) -> VDevice:
    """The virtual device ``spec`` names (``"cuda"``, ``"llvm:1"``, ``"cuda:0:global"``)."""
    if isinstance(spec, VDevice):
        return spec
    if not isinstance(spec, str):
        raise TypeError(f"expected a vdevice string such as 'cuda:0', got {spec!r}")
    kind, _, rest = spec.partition(":")
    index_text, _, scope = rest.partition(":")
    index = int(index_text) if index_text else 0
    scope = scope or "global"
    declared = [d for d in _module_vdevices() if d.target.kind == kind]
    if not declared:
        return VDevice(Target({"kind": kind}), index, scope)
    if index >= len(declared):
        raise RelaxError(
            "unknown-vdevice",
            f"no vdevice '{spec}': the module declares {len(declared)} '{kind}' "
            f"vdevice{'' if len(declared) == 1 else 's'} in I.module_global_infos",
        )
    return declared[index]


def _module_vdevices() -> list[VDevice]:
    from tvmscript.script.ir_builder.ir.frames import IRModuleFrame

    if not IRBuilder.is_in_scope():
        return []
    module = IRBuilder.current().find_frame(IRModuleFrame)
    if module is None:
        return []
    return [d for d in module.global_infos.get("vdevice", ()) if isinstance(d, VDevice)]


# ---------------------------------------------------------------------------------------------
# The annotations


def Tensor(
    shape: Sequence[object] | Expr | str | None = None,
    dtype: str | None = None,
    vdevice: str | VDevice | None = None,
    ndim: int = -1,
) -> TensorStructInfo:
    """A tensor: ``R.Tensor((n, 4), "float32")``, ``R.Tensor(ndim=2)``, ``R.Tensor``."""
    if isinstance(shape, str) and dtype is None:  # `R.Tensor("float32", ndim=2)`
        shape, dtype = None, shape
    device = None if vdevice is None else _resolve_vdevice(vdevice)
    if shape is not None and ndim != UNKNOWN_NDIM:
        raise ValueError("R.Tensor takes a shape or ndim, not both")
    if shape is None:
        return TensorStructInfo(None, _dtype(dtype), ndim, device)
    if isinstance(shape, Expr):
        return TensorStructInfo(shape, _dtype(dtype), vdevice=device)
    dims = _dims(shape, "R.Tensor")
    return TensorStructInfo(
        ShapeExpr(dims, struct_info=ShapeStructInfo(dims)), _dtype(dtype), vdevice=device
    )


def _resolve_vdevice(spec: str | VDevice) -> VDevice:
    return vdevice(spec)


def Shape(values: Sequence[object] | None = None, ndim: int = -1) -> ShapeStructInfo:
    """A shape: ``R.Shape([n, 4])``, ``R.Shape(ndim=2)``, ``R.Shape``."""
    if values is not None and ndim != UNKNOWN_NDIM:
        raise ValueError("R.Shape takes values or ndim, not both")
    if values is None:
        return ShapeStructInfo(None, ndim)
    return ShapeStructInfo(_dims(values, "R.Shape"))


def Tuple(*fields: Any) -> TupleStructInfo:
    """A tuple: ``R.Tuple(R.Tensor(...), R.Shape(...))`` (``R.Tuple`` alone: empty)."""
    if len(fields) == 1 and isinstance(fields[0], list | tuple):
        fields = tuple(fields[0])
    return TupleStructInfo(tuple(as_struct_info(f) for f in fields))


def Object() -> ObjectStructInfo:
    """Any value (``R.Object``; TVM 0.27 prints it ``R.Any``)."""
    return ObjectStructInfo()


Any_ = Object


def Prim(dtype: str | None = None, *, value: object = None) -> PrimStructInfo:
    """A scalar: ``R.Prim("int64")``, or one of known value: ``R.Prim(value=n)``."""
    if value is None:
        if dtype is None:
            raise TypeError("R.Prim needs a dtype or a value")
        return PrimStructInfo(_dtype(dtype))
    expr = to_dim(value) if isinstance(value, int | str) else value
    if not isinstance(expr, E.PrimExpr):
        raise TypeError(f"R.Prim(value=...) expects a TIR expression, got {value!r}")
    if dtype is not None and _dtype(dtype) != expr.dtype:
        raise ValueError(f"R.Prim: dtype '{dtype}' differs from the value's '{expr.dtype}'")
    return PrimStructInfo(expr.dtype, expr)


def Callable(
    params: Sequence[Any] | Any | None = None,
    ret: Any = None,
    purity: bool | None = None,
    derive_func: str | None = None,
) -> FuncStructInfo:
    """A function: ``R.Callable([R.Tensor(...)], R.Tensor(...))``; without params: opaque."""
    ret_info = ObjectStructInfo() if ret is None else as_struct_info(ret)
    if params is None:
        return FuncStructInfo(None, ret_info, bool(purity) if purity is not None else False,
                              derive_func)  # fmt: skip
    items = params if isinstance(params, list | tuple) else [params]
    infos = tuple(as_struct_info(p) for p in items)
    return FuncStructInfo(infos, ret_info, True if purity is None else bool(purity))


def as_struct_info(value: object) -> StructInfo:
    """An annotation as struct info: ``R.Tensor`` written without a call, ``T.int64``, ..."""
    if isinstance(value, StructInfo):
        return value
    if isinstance(value, FunctionType) and (make := _BARE.get(value)) is not None:
        return make()
    dtype = _scalar_dtype(value)
    if dtype is not None:
        return PrimStructInfo(dtype)
    raise TypeError(f"expected a struct info annotation (R.Tensor(...), ...), got {value!r}")


def _scalar_dtype(value: object) -> str | None:
    """The dtype of a TIR scalar annotation (``T.int64``, ``T.float32``, ``T.bool``)."""
    if isinstance(value, E.Var) and not value.name:
        return value.dtype
    dtype = getattr(value, "dtype", None)
    if callable(value) and isinstance(dtype, str) and is_valid_dtype(dtype):
        return dtype
    name = getattr(value, "__name__", None)
    if callable(value) and isinstance(name, str):
        name = {"boolean": "bool", "bool_": "bool"}.get(name, name)
        if is_valid_dtype(name) and name not in ("void", "handle"):
            return name
    return None


_BARE: Final[dict[object, CallableType[[], StructInfo]]] = {
    Tensor: Tensor,
    Shape: Shape,
    Tuple: Tuple,
    Object: Object,
    Callable: Callable,
}
