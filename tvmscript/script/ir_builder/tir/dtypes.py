"""Dtype constructors (``T.int32``, ``T.float32x4``, ``T.handle``, ...) and ``T.let``.

``T.float32(1)`` is a constant, ``T.float32(x)`` a cast, ``T.float32()`` a new variable (a
parameter or a symbolic dimension); ``T.float32[4]`` a local vector annotation.
"""

from __future__ import annotations

from typing import Any, Final

from tvmscript.core.ir.dtype import LOW_PRECISION_FLOATS, DataType
from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import PointerType, PrimExpr, PrimType, Type, Var
from tvmscript.script.ir_builder.tir.frames import current_span

_SPECIAL_FLOATS: Final = {"inf": float("inf"), "-inf": float("-inf"), "nan": float("nan")}


class LocalVectorAnnotation:
    """``T.float32[4]``: a local vector/tensor of ``dtype`` and ``shape``."""

    __slots__ = ("dtype", "shape")

    def __init__(self, dtype: str, shape: tuple[Any, ...]) -> None:
        self.dtype = dtype
        self.shape = shape


class DtypeConstructor:
    """``T.<dtype>``: constant, cast or new variable of one dtype; subscript for vectors."""

    __slots__ = ("dtype",)

    def __init__(self, ffi_name: str, dtype_str: str) -> None:
        del ffi_name  # TVM's name of the constant-making function (``"Float32"``)
        self.dtype = dtype_str

    def __call__(self, expr: PrimExpr | int | float | bool | str | None = None) -> PrimExpr:
        """A new `Var` (no argument), a constant (a number) or a cast (an expression)."""
        if expr is None:
            return Var("", self.dtype, span=current_span())
        if isinstance(expr, str):
            if (value := _SPECIAL_FLOATS.get(expr)) is None:
                raise ValueError(f"expected a number or 'inf'/'-inf'/'nan', got {expr!r}")
            return arith.make_const(self.dtype, value)
        if isinstance(expr, bool | int | float):
            return arith.make_const(self.dtype, expr)
        if isinstance(expr, PrimExpr):
            return arith.cast(self.dtype, expr)
        raise TypeError(f"T.{self.dtype} expects a number or an expression, got {expr!r}")

    def __getitem__(self, shape: Any) -> LocalVectorAnnotation:
        return LocalVectorAnnotation(self.dtype, shape if isinstance(shape, tuple) else (shape,))

    def __repr__(self) -> str:
        return f"T.{self.dtype}"


_LANES: Final = (1, 2, 4, 8, 16, 32, 64)
_FLOAT_BASES: Final = ("float16", "float32", "float64", *LOW_PRECISION_FLOATS)
_INT_BASES: Final = tuple(f"{c}{b}" for c in ("int", "uint") for b in (8, 16, 32, 64))


def _all_dtypes() -> list[str]:
    names = [f"{base}x{n}" if n > 1 else base for base in _INT_BASES + _FLOAT_BASES for n in _LANES]
    return [*names, "bfloat16"]


DTYPE_CONSTRUCTORS: Final[dict[str, DtypeConstructor]] = {
    name: DtypeConstructor(name, name) for name in _all_dtypes()
}
"""Every ``T.<dtype>`` constructor by name (the ``T`` namespace exports each)."""

DTYPE_ALIASES: Final = {
    "i8": "int8", "i16": "int16", "i32": "int32", "i64": "int64",
    "u8": "uint8", "u16": "uint16", "u32": "uint32", "u64": "uint64",
    "f16": "float16", "f32": "float32", "f64": "float64", "bf16": "bfloat16",
}  # fmt: skip

int8 = DTYPE_CONSTRUCTORS["int8"]
int16 = DTYPE_CONSTRUCTORS["int16"]
int32 = DTYPE_CONSTRUCTORS["int32"]
int64 = DTYPE_CONSTRUCTORS["int64"]
uint8 = DTYPE_CONSTRUCTORS["uint8"]
uint16 = DTYPE_CONSTRUCTORS["uint16"]
uint32 = DTYPE_CONSTRUCTORS["uint32"]
uint64 = DTYPE_CONSTRUCTORS["uint64"]
float16 = DTYPE_CONSTRUCTORS["float16"]
float32 = DTYPE_CONSTRUCTORS["float32"]
float64 = DTYPE_CONSTRUCTORS["float64"]
bfloat16 = DTYPE_CONSTRUCTORS["bfloat16"]
boolean = DtypeConstructor("Boolean", "bool")
bool_ = boolean


def handle(dtype: str | None = None, storage_scope: str = "global") -> Var:
    """A new handle variable: opaque, or a pointer to ``dtype`` in ``storage_scope``."""
    ann = PointerType(dtype, storage_scope) if dtype is not None else None
    return Var("", "handle", ann, span=current_span())


def ptr(dtype: str, storage_scope: str = "global") -> Var:
    """A new pointer variable to ``dtype`` elements in ``storage_scope``."""
    DataType.of(dtype)
    return Var("", "handle", PointerType(dtype, storage_scope), span=current_span())


Ptr = ptr
buffer_var = ptr


def void(expr: PrimExpr | None = None) -> PrimExpr:
    """A new ``void`` variable (or ``expr`` cast to void)."""
    if expr is None:
        return Var("", "void", span=current_span())
    return arith.cast("void", expr)


def var(dtype: str, name: str = "") -> Var:
    """A new variable of ``dtype`` named ``name`` (older spelling of ``T.<dtype>()``)."""
    return Var(name, dtype, span=current_span())


class LetAnnotation:
    """``x: T.let[T.int32] = value`` (or bare ``T.let``): an explicit `Bind`."""

    __slots__ = ("type_spec",)

    def __init__(self, type_spec: Any = None) -> None:
        self.type_spec = type_spec

    def __getitem__(self, item: Any) -> LetAnnotation:
        return LetAnnotation(item)

    def as_var(self, rhs_dtype: str | None = None) -> Var:
        """The variable to bind: of the annotated type, else of the value's dtype."""
        spec = self.type_spec
        if isinstance(spec, Var):
            return spec
        if isinstance(spec, DtypeConstructor) or callable(spec):
            made = spec()
            if isinstance(made, Var):
                return made
        if isinstance(spec, PrimType):
            return Var("", spec.dtype, span=current_span())
        if isinstance(spec, Type):
            return Var("", "handle", spec, span=current_span())
        if spec is None and rhs_dtype is not None:
            return Var("", rhs_dtype, span=current_span())
        raise TypeError(f"T.let expects a type such as T.let[T.int32], got {spec!r}")


let = LetAnnotation()
