"""Intrinsic calls and math: ``T.exp``, ``T.if_then_else``, ``T.call_extern``, ...

Result dtypes and op names are TVM's, and so are the few constant folds (``floor`` of a
constant, ``if_then_else`` on a constant condition, ...).
"""

from __future__ import annotations

import builtins
import math
from typing import Any

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import arith
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import BufferLoad, Call, FloatImm, IntImm, Op, PrimExpr, Var
from tvmscript.core.tir.op import OPS as OPS
from tvmscript.core.tir.op import call_intrin as _call

Operand = PrimExpr | int | float | bool


def _x(value: Operand) -> PrimExpr:
    return arith.as_expr(value)


def _math(name: str, x: Operand) -> PrimExpr:
    e = _x(x)
    return _call(e.dtype, f"tir.{name}", e)


def exp(x: Operand) -> PrimExpr:
    """``e ** x``."""
    return _math("exp", x)


def exp2(x: Operand) -> PrimExpr:
    """``2 ** x``."""
    return _math("exp2", x)


def exp10(x: Operand) -> PrimExpr:
    """``10 ** x``."""
    return _math("exp10", x)


def log(x: Operand) -> PrimExpr:
    """Natural logarithm."""
    return _math("log", x)


def log2(x: Operand) -> PrimExpr:
    """Base-2 logarithm."""
    return _math("log2", x)


def log10(x: Operand) -> PrimExpr:
    """Base-10 logarithm."""
    return _math("log10", x)


def log1p(x: Operand) -> PrimExpr:
    """``log(1 + x)``."""
    return _math("log1p", x)


def sqrt(x: Operand) -> PrimExpr:
    """Square root."""
    return _math("sqrt", x)


def rsqrt(x: Operand) -> PrimExpr:
    """``1 / sqrt(x)``."""
    return _math("rsqrt", x)


def sigmoid(x: Operand) -> PrimExpr:
    """``1 / (1 + exp(-x))``."""
    return _math("sigmoid", x)


def tanh(x: Operand) -> PrimExpr:
    """Hyperbolic tangent."""
    return _math("tanh", x)


def tan(x: Operand) -> PrimExpr:
    """Tangent."""
    return _math("tan", x)


def sin(x: Operand) -> PrimExpr:
    """Sine."""
    return _math("sin", x)


def cos(x: Operand) -> PrimExpr:
    """Cosine."""
    return _math("cos", x)


def sinh(x: Operand) -> PrimExpr:
    """Hyperbolic sine."""
    return _math("sinh", x)


def cosh(x: Operand) -> PrimExpr:
    """Hyperbolic cosine."""
    return _math("cosh", x)


def asin(x: Operand) -> PrimExpr:
    """Arc sine."""
    return _math("asin", x)


def acos(x: Operand) -> PrimExpr:
    """Arc cosine."""
    return _math("acos", x)


def atan(x: Operand) -> PrimExpr:
    """Arc tangent."""
    return _math("atan", x)


def asinh(x: Operand) -> PrimExpr:
    """Inverse hyperbolic sine."""
    return _math("asinh", x)


def acosh(x: Operand) -> PrimExpr:
    """Inverse hyperbolic cosine."""
    return _math("acosh", x)


def atanh(x: Operand) -> PrimExpr:
    """Inverse hyperbolic tangent."""
    return _math("atanh", x)


def erf(x: Operand) -> PrimExpr:
    """The Gauss error function."""
    return _math("erf", x)


def popcount(x: Operand) -> PrimExpr:
    """Number of set bits."""
    return _math("popcount", x)


def clz(x: Operand) -> PrimExpr:
    """Number of leading zero bits."""
    return _math("clz", x)


def _math2(name: str, x1: Operand, x2: Operand) -> PrimExpr:
    a = _x(x1)
    return _call(a.dtype, f"tir.{name}", a, x2)


def atan2(x1: Operand, x2: Operand) -> PrimExpr:
    """Arc tangent of ``x1 / x2`` in the right quadrant."""
    return _math2("atan2", x1, x2)


def nextafter(x1: Operand, x2: Operand) -> PrimExpr:
    """The next float after ``x1`` towards ``x2``."""
    return _math2("nextafter", x1, x2)


def hypot(x1: Operand, x2: Operand) -> PrimExpr:
    """``sqrt(x1 ** 2 + x2 ** 2)``."""
    return _math2("hypot", x1, x2)


def copysign(x1: Operand, x2: Operand) -> PrimExpr:
    """``x1`` with the sign of ``x2``."""
    return _math2("copysign", x1, x2)


def ldexp(x1: Operand, x2: Operand) -> PrimExpr:
    """``x1 * 2 ** x2``."""
    return _math2("ldexp", x1, x2)


def fmod(x: Operand, y: Operand) -> PrimExpr:
    """Floating remainder (sign of ``x``)."""
    return _math2("fmod", x, y)


def fma(x: Operand, y: Operand, z: Operand) -> PrimExpr:
    """``x * y + z`` in one rounding."""
    a = _x(x)
    return _call(a.dtype, "tir.fma", a, y, z)


def pow(x: Operand, y: Operand) -> PrimExpr:
    """``x ** y``."""
    return arith.power(x, y)


power = pow


def _round_like(name: str, fold: Any, x: Operand) -> PrimExpr:
    e = _x(x)
    t = DataType.of(e.dtype)
    if t.is_integer:
        return e
    if isinstance(e, FloatImm):
        return FloatImm(e.dtype, float(fold(e.value)))
    return _call(e.dtype, f"tir.{name}", e)


def floor(x: Operand) -> PrimExpr:
    """Round towards negative infinity."""
    return _round_like("floor", math.floor, x)


def ceil(x: Operand) -> PrimExpr:
    """Round towards positive infinity."""
    return _round_like("ceil", math.ceil, x)


def trunc(x: Operand) -> PrimExpr:
    """Round towards zero."""
    return _round_like("trunc", math.trunc, x)


def round(x: Operand) -> PrimExpr:
    """Round to the nearest integer, ties to even."""
    return _round_like("round", _round_even, x)


def nearbyint(x: Operand) -> PrimExpr:
    """Round to the nearest integer in the current rounding mode (ties to even)."""
    return _round_like("nearbyint", _round_even, x)


def _round_even(v: float) -> float:
    return float(builtins.round(v))  # Python rounds ties to even, as nearbyint does


def abs(x: Operand) -> PrimExpr:
    """Absolute value (``fabs`` for floats, a select for signed integers)."""
    e = _x(x)
    t = DataType.of(e.dtype)
    if t.is_int:
        if isinstance(e, IntImm):
            return IntImm(e.dtype, -e.value if e.value < 0 else e.value)
        from tvmscript.core.tir.expr import Select

        # TVM's C++ negation is `0 - x` (Python's unary minus builds `x * -1`)
        return Select(arith.greater_equal(e, 0), e, arith.sub(IntImm(e.dtype, 0), e))
    if isinstance(e, FloatImm):
        return FloatImm(e.dtype, -e.value if e.value < 0 else e.value)
    if t.is_float:
        return _call(e.dtype, "tir.fabs", e)
    return e


fabs = abs


def _bool_of(e: PrimExpr) -> str:
    return DataType.of(e.dtype).with_lanes_bool()


def isnan(x: Operand) -> PrimExpr:
    """Whether ``x`` is NaN."""
    e = _x(x)
    if not DataType.of(e.dtype).is_float:
        return arith.make_const(_bool_of(e), False)
    if isinstance(e, FloatImm):
        return IntImm("bool", int(math.isnan(e.value)))
    return _call(_bool_of(e), "tir.isnan", e)


def isinf(x: Operand) -> PrimExpr:
    """Whether ``x`` is an infinity (``abs(x) == inf and not isnan(x)``, as TVM builds it)."""
    e = _x(x)
    if not DataType.of(e.dtype).is_float:
        return arith.make_const(_bool_of(e), False)
    if isinstance(e, FloatImm):
        return IntImm("bool", int(math.isinf(e.value)))
    return arith.logical_and(arith.equal(abs(e), infinity(e.dtype)), arith.logical_not(isnan(e)))


def isfinite(x: Operand) -> PrimExpr:
    """Whether ``x`` is neither infinite nor NaN."""
    e = _x(x)
    return arith.logical_and(arith.logical_not(isinf(e)), arith.logical_not(isnan(e)))


def if_then_else(cond: Operand, t: Operand, f: Operand) -> PrimExpr:
    """``t if cond else f``, evaluating only the chosen side."""
    c = _x(cond)
    if c.dtype != "bool":
        raise TypeError(f"if_then_else expects a boolean condition, got '{c.dtype}'")
    a, b = arith.match_types(*arith._operands(t, f))
    if isinstance(c, IntImm):
        return a if c.value else b
    return _call(a.dtype, "tir.if_then_else", c, a, b)


def likely(cond: Operand) -> PrimExpr:
    """Mark ``cond`` as likely true."""
    c = _x(cond)
    if isinstance(c, IntImm):
        return c
    return _call(c.dtype, "tir.likely", c)


def min(a: Operand, b: Operand) -> PrimExpr:
    """The smaller of ``a`` and ``b``."""
    return arith.min_(a, b)


def max(a: Operand, b: Operand) -> PrimExpr:
    """The larger of ``a`` and ``b``."""
    return arith.max_(a, b)


def _float_limits(t: DataType) -> float:
    table = {16: 65504.0, 32: 3.4028234663852886e38, 64: 1.7976931348623157e308}
    if t.code == "bfloat":
        return 3.3895313892515355e38
    if t.bits not in table:
        raise ValueError(f"no maximum value is known for '{t}'")
    return table[t.bits]


def max_value(dtype: str) -> PrimExpr:
    """The largest value of ``dtype``."""
    t = DataType.of(dtype)
    if t.is_int:
        return IntImm(dtype, 2 ** (t.bits - 1) - 1)
    if t.is_uint:
        return IntImm(dtype, 2**t.bits - 1)
    if t.is_bool:
        return IntImm(dtype, 1)
    return FloatImm(dtype, _float_limits(t))


def min_value(dtype: str) -> PrimExpr:
    """The smallest value of ``dtype``."""
    t = DataType.of(dtype)
    if t.is_int:
        return IntImm(dtype, -(2 ** (t.bits - 1)))
    if t.is_uint or t.is_bool:
        return IntImm(dtype, 0)
    return FloatImm(dtype, -_float_limits(t))


def infinity(dtype: str) -> PrimExpr:
    """Positive infinity of float ``dtype``."""
    if not DataType.of(dtype).is_float:
        raise ValueError(f"infinity needs a float dtype, got '{dtype}'")
    return FloatImm(dtype, float("inf"))


def reinterpret(dtype: Any, value: Operand) -> PrimExpr:
    """The bits of ``value`` read as ``dtype`` (a dtype string or a type: ``T.handle().ty``)."""
    from tvmscript.core.tir.expr import PointerType, PrimType

    if isinstance(dtype, PrimType):
        dtype = dtype.dtype
    elif isinstance(dtype, PointerType):
        dtype = "handle"
    e = _x(value)
    if e.dtype == dtype:
        return e
    return _call(dtype, "tir.reinterpret", e)


def cast(value: Operand, dtype: str) -> PrimExpr:
    """``value`` converted to ``dtype`` (constants fold)."""
    return arith.cast(dtype, value)


def truncdiv(a: Operand, b: Operand) -> PrimExpr:
    """Integer division rounding towards zero."""
    return arith.truncdiv(a, b)


def truncmod(a: Operand, b: Operand) -> PrimExpr:
    """Remainder of `truncdiv`."""
    return arith.truncmod(a, b)


def floordiv(a: Operand, b: Operand) -> PrimExpr:
    """Integer division rounding towards negative infinity."""
    return arith.floordiv(a, b)


def floormod(a: Operand, b: Operand) -> PrimExpr:
    """Remainder of `floordiv`."""
    return arith.floormod(a, b)


def ceildiv(lhs: Operand, rhs: Operand) -> PrimExpr:
    """Integer division rounding towards positive infinity (``(a + b - 1) // b``)."""
    a, b = arith.match_types(*arith._operands(lhs, rhs))
    return arith.floordiv(arith.sub(arith.add(a, b), 1), b)


def bitwise_and(x: Operand, y: Operand) -> PrimExpr:
    """``x & y``."""
    return arith.bitwise_and(x, y)


def bitwise_or(x: Operand, y: Operand) -> PrimExpr:
    """``x | y``."""
    return arith.bitwise_or(x, y)


def bitwise_xor(x: Operand, y: Operand) -> PrimExpr:
    """``x ^ y``."""
    return arith.bitwise_xor(x, y)


def bitwise_not(x: Operand) -> PrimExpr:
    """``~x``."""
    return arith.bitwise_not(x)


def shift_left(x: Operand, y: Operand) -> PrimExpr:
    """``x << y``."""
    return arith.shift_left(x, y)


def shift_right(x: Operand, y: Operand) -> PrimExpr:
    """``x >> y``."""
    return arith.shift_right(x, y)


def q_multiply_shift(x: Operand, y: Operand, q: Operand, s: Operand) -> PrimExpr:
    """Fixed-point multiply ``x * y`` with ``q`` fractional bits, shifted right by ``s``."""
    return _call("int32", "tir.q_multiply_shift", x, y, q, s)


def vectorlow(dtype: str, vec: PrimExpr) -> PrimExpr:
    """The low half of ``vec``."""
    return _call(dtype, "tir.vectorlow", vec)


def vectorhigh(dtype: str, vec: PrimExpr) -> PrimExpr:
    """The high half of ``vec``."""
    return _call(dtype, "tir.vectorhigh", vec)


def vectorcombine(dtype: str, vec1: PrimExpr, vec2: PrimExpr) -> PrimExpr:
    """``vec1`` and ``vec2`` concatenated."""
    return _call(dtype, "tir.vectorcombine", vec1, vec2)


def dp4a(vec1: PrimExpr, vec2: PrimExpr, acc: Operand = 0) -> PrimExpr:
    """Dot product of four int8 pairs plus ``acc``."""
    return _call("int32", "tir.dp4a", vec1, vec2, acc)


def assume(cond: Operand | None = None) -> PrimExpr:
    """Let the compiler assume ``cond`` holds."""
    return _call("bool", "tir.assume", cond)


def undef() -> PrimExpr:
    """An undefined value."""
    return _call("int32", "tir.undef")


def ret(val: Operand) -> PrimExpr:
    """Return ``val`` from the function."""
    e = _x(val)
    return _call(e.dtype, "tir.ret", e)


def type_annotation(dtype: str) -> PrimExpr:
    """A value standing for type ``dtype`` (an argument of `tvm_access_ptr`)."""
    return _call(dtype, "tir.type_annotation")


def isnullptr(x: PrimExpr) -> PrimExpr:
    """Whether handle ``x`` is null."""
    return _call("bool", "tir.isnullptr", x)


def address_of(obj: BufferLoad | Buffer) -> PrimExpr:
    """The address of a buffer element (``T.address_of(A[i])``)."""
    if isinstance(obj, Buffer):
        obj = BufferLoad(obj, tuple(IntImm("int32", 0) for _ in obj.shape))
    if isinstance(obj, Var):  # the address of a scalar variable (a tensor map, ...)
        return _call("handle", "tir.address_of", obj)
    if not isinstance(obj, BufferLoad):
        raise TypeError(f"address_of expects a buffer element such as A[i], got {obj!r}")
    return _call("handle", "tir.address_of", obj)


def lookup_param(param_name: str) -> PrimExpr:
    """The linked parameter named ``param_name``."""
    return _call("handle", "tir.lookup_param", param_name)


def call_intrin(dtype: str, func_name: str | Op, *args: Any, attrs: Any = None) -> PrimExpr:
    """A call of intrinsic ``func_name`` (``"tir.exp"``) producing ``dtype``."""
    from tvmscript.core.ir.module import GlobalVar

    if isinstance(func_name, Op | GlobalVar):  # `T.call_intrin("int32", Module.f, x)`
        return Call(dtype, func_name, tuple(_arg(a) for a in args))
    name = func_name if "." in func_name else f"tir.{func_name}"
    return _call(dtype, name, *args)


def _arg(value: Any) -> Any:
    from tvmscript.core.tir.expr import StringImm

    if isinstance(value, str):
        return StringImm(value)
    if isinstance(value, bool | int | float):
        return arith.as_expr(value)
    return value


def call_extern(dtype: str, func_name: str, *args: Any) -> PrimExpr:
    """A call of external C function ``func_name``."""
    return _call(dtype, "tir.call_extern", func_name, *args)


def call_pure_extern(dtype: str, func_name: str, *args: Any) -> PrimExpr:
    """A call of side-effect-free external function ``func_name``."""
    return _call(dtype, "tir.call_pure_extern", func_name, *args)


def call_llvm_intrin(dtype: str, name: Any, *args: Any) -> PrimExpr:
    """A call of LLVM intrinsic ``name`` (kept by base name: ``"llvm.sqrt.f32"`` is sqrt)."""
    return _call(dtype, "tir.call_llvm_intrin", _llvm_name(name), *args)


def call_llvm_pure_intrin(dtype: str, name: Any, *args: Any) -> PrimExpr:
    """A call of side-effect-free LLVM intrinsic ``name``."""
    return _call(dtype, "tir.call_llvm_pure_intrin", _llvm_name(name), *args)


def _llvm_name(name: Any) -> Any:
    from tvmscript.script.ir_builder.tir.calls import llvm_intrinsic_name

    return llvm_intrinsic_name(name) if isinstance(name, str) else name


def _packed_args(args: tuple[Any, ...]) -> list[Any]:
    return [pack_buffer(a) if isinstance(a, Buffer) else a for a in args]


def pack_buffer(buf: Buffer) -> PrimExpr:
    """A DLTensor for ``buf`` built on the stack (how packed calls pass buffers)."""
    shape = _call("handle", "tir.tvm_stack_make_shape", *buf.shape)
    strides: Any = _call("handle", "tir.tvm_stack_make_shape", *buf.strides) if buf.strides else 0
    zero = arith.make_const(buf.dtype, 0)
    offset = buf.elem_offset if buf.elem_offset is not None else 0
    return _call(
        "handle", "tir.tvm_stack_make_array", buf.data, shape, strides, len(buf.shape), zero, offset
    )


def call_packed(*args: Any) -> PrimExpr:
    """A call of a packed function by name: ``T.call_packed("f", a, b)``."""
    return _call("int32", "tir.tvm_call_packed", *_packed_args(args))


def call_cpacked(*args: Any) -> PrimExpr:
    """A call of a packed C function by name."""
    return _call("int32", "tir.tvm_call_cpacked", *_packed_args(args))


def call_packed_lowered(*args: Any) -> PrimExpr:
    """A lowered packed call (arguments already on the stack)."""
    return _call("int32", "tir.tvm_call_packed_lowered", *_packed_args(args))


def call_cpacked_lowered(*args: Any) -> PrimExpr:
    """A lowered packed C call."""
    return _call("int32", "tir.tvm_call_cpacked_lowered", *_packed_args(args))


tvm_call_packed = call_packed
tvm_call_cpacked = call_cpacked
tvm_call_packed_lowered = call_packed_lowered
tvm_call_cpacked_lowered = call_cpacked_lowered


def tvm_stack_alloca(dtype_str: str, num: Operand) -> PrimExpr:
    """Stack space for ``num`` values of kind ``dtype_str`` ("shape", "array", "arg_value")."""
    return _call("handle", "tir.tvm_stack_alloca", dtype_str, num)


def tvm_stack_make_shape(*args: Operand) -> PrimExpr:
    """A shape array on the stack."""
    return _call("handle", "tir.tvm_stack_make_shape", *args)


def tvm_stack_make_array(
    data: PrimExpr, shape: PrimExpr, strides: Operand, ndim: Operand, arr_dtype: Operand,
    elem_offset: Operand,
) -> PrimExpr:  # fmt: skip
    """A DLTensor on the stack."""
    return _call(
        "handle", "tir.tvm_stack_make_array", data, shape, strides, ndim, arr_dtype, elem_offset
    )


def tvm_struct_get(arr: PrimExpr, index: Operand, field: Operand, dtype: str) -> PrimExpr:
    """Field ``field`` of struct ``arr[index]``."""
    return _call(dtype, "tir.tvm_struct_get", arr, index, field)


def tvm_struct_set(arr: PrimExpr, index: Operand, field: Operand, value: Operand) -> PrimExpr:
    """Set field ``field`` of struct ``arr[index]``."""
    return _call("int32", "tir.tvm_struct_set", arr, index, field, value)


def tvm_access_ptr(
    ptype: PrimExpr, data: Var, offset: Operand, extent: Operand, rw_mask: Operand
) -> PrimExpr:
    """A pointer into ``data`` for an access of ``extent`` elements (``rw_mask``: 1 r, 2 w)."""
    return _call("handle", "tir.tvm_access_ptr", ptype, data, offset, extent, rw_mask)


def tvm_tuple(*value: Any) -> PrimExpr:
    """A tuple of values (an argument of other intrinsics)."""
    return _call("void", "tir.tvm_tuple", *value)


def tvm_thread_allreduce(*freduce_args: Any) -> PrimExpr:
    """A cross-thread reduction."""
    return _call("void", "tir.tvm_thread_allreduce", *freduce_args)


def tvm_thread_invariant(cond: PrimExpr) -> PrimExpr:
    """Mark ``cond`` as the same on every thread."""
    return _call(cond.dtype, "tir.tvm_thread_invariant", cond)


def tvm_storage_sync(storage_scope: str, is_load: bool = False, num_blocks: int = -1) -> PrimExpr:
    """A memory barrier for ``storage_scope`` ("shared", "global", "warp")."""
    return _call("void", "tir.tvm_storage_sync", storage_scope, is_load, num_blocks)


def _shuffle(name: str, mask: Operand, value: Operand, lane: Operand, width: Operand,
             warp_size: Operand) -> PrimExpr:  # fmt: skip
    v = _x(value)
    return _call(v.dtype, f"tir.{name}", mask, v, lane, width, warp_size)


def tvm_warp_shuffle(
    mask: Operand, value: Operand, warp_id: Operand, width: Operand, warp_size: Operand
) -> PrimExpr:
    """``value`` from lane ``warp_id`` of the warp."""
    return _shuffle("tvm_warp_shuffle", mask, value, warp_id, width, warp_size)


def tvm_warp_shuffle_up(
    mask: Operand, value: Operand, offset: Operand, width: Operand, warp_size: Operand
) -> PrimExpr:
    """``value`` from the lane ``offset`` below."""
    return _shuffle("tvm_warp_shuffle_up", mask, value, offset, width, warp_size)


def tvm_warp_shuffle_down(
    mask: Operand, value: Operand, offset: Operand, width: Operand, warp_size: Operand
) -> PrimExpr:
    """``value`` from the lane ``offset`` above."""
    return _shuffle("tvm_warp_shuffle_down", mask, value, offset, width, warp_size)


def tvm_warp_shuffle_xor(
    mask: Operand, value: Operand, lane_mask: Operand, width: Operand, warp_size: Operand
) -> PrimExpr:
    """``value`` from the lane ``lane ^ lane_mask``."""
    return _shuffle("tvm_warp_shuffle_xor", mask, value, lane_mask, width, warp_size)


def tvm_warp_activemask() -> PrimExpr:
    """The mask of active lanes in the warp."""
    return _call("uint32", "tir.tvm_warp_activemask")


def tvm_global_barrier_kinit() -> PrimExpr:
    """Initialise the global barrier."""
    return _call("void", "tir.tvm_global_barrier_kinit")


def tvm_throw_last_error() -> PrimExpr:
    """Return the last error to the caller."""
    return _call("void", "tir.tvm_throw_last_error")


def tvm_load_matrix_sync(
    fragment: Any, m: Any, n: Any, k: Any, index: Any, buffer_ptr: Any, stride: Any, layout: Any
) -> PrimExpr:
    """Load tensor-core fragment ``index`` of ``fragment`` (``m`` x ``n`` x ``k``) from memory."""
    return _call(
        "void", "tir.tvm_load_matrix_sync", fragment, m, n, k, index, buffer_ptr, stride, layout
    )


def tvm_store_matrix_sync(
    fragment: Any, m: Any, n: Any, k: Any, index: Any, buffer_ptr: Any, stride: Any, layout: Any
) -> PrimExpr:
    """Store tensor-core fragment ``index`` of ``fragment`` to memory."""
    return _call(
        "void", "tir.tvm_store_matrix_sync", fragment, m, n, k, index, buffer_ptr, stride, layout
    )


def tvm_mma_sync(
    fragment_d: Any, index_d: Any, fragment_a: Any, index_a: Any, fragment_b: Any, index_b: Any,
    fragment_c: Any, index_c: Any,
) -> PrimExpr:  # fmt: skip
    """Tensor-core ``d = a @ b + c`` on fragments."""
    return _call(
        "void", "tir.tvm_mma_sync", fragment_d, index_d, fragment_a, index_a, fragment_b,
        index_b, fragment_c, index_c,
    )  # fmt: skip


def tvm_bmma_sync(
    fragment_d: Any, index_d: Any, fragment_a: Any, index_a: Any, fragment_b: Any, index_b: Any,
    fragment_c: Any, index_c: Any,
) -> PrimExpr:  # fmt: skip
    """Binary tensor-core multiply-accumulate on fragments."""
    return _call(
        "void", "tir.tvm_bmma_sync", fragment_d, index_d, fragment_a, index_a, fragment_b,
        index_b, fragment_c, index_c,
    )  # fmt: skip


def tvm_fill_fragment(fragment: Any, m: Any, n: Any, k: Any, index: Any, value: Any) -> PrimExpr:
    """Fill tensor-core fragment ``index`` of ``fragment`` with ``value``."""
    return _call("void", "tir.tvm_fill_fragment", fragment, m, n, k, index, value)


def start_profile_intrinsic(id: Operand) -> PrimExpr:
    """Start profiling region ``id``."""
    return _call("void", "tir.start_profile_intrinsic", id)


def end_profile_intrinsic(id: Operand) -> PrimExpr:
    """End profiling region ``id``."""
    return _call("void", "tir.end_profile_intrinsic", id)


def TVMBackendAllocWorkspace(
    device_type: Operand, device_id: Operand, nbytes: Operand, dtype_code_hint: Operand,
    dtype_bits_hint: Operand,
) -> PrimExpr:  # fmt: skip
    """Allocate ``nbytes`` of workspace memory on a device."""
    return _call(
        "handle", "tir.TVMBackendAllocWorkspace", device_type, device_id, nbytes,
        dtype_code_hint, dtype_bits_hint,
    )  # fmt: skip


def TVMBackendFreeWorkspace(device_type: Operand, device_id: Operand, ptr: Any) -> PrimExpr:
    """Free workspace memory at ``ptr``."""
    return _call("int32", "tir.TVMBackendFreeWorkspace", device_type, device_id, ptr)


def anylist_getitem(list_handle: PrimExpr, index: Operand) -> PrimExpr:
    """Item ``index`` of an AnyList."""
    return _call("handle", "tir.anylist_getitem", list_handle, index)


def anylist_resetitem(list_handle: PrimExpr, index: Operand) -> PrimExpr:
    """Clear item ``index`` of an AnyList."""
    return _call("int32", "tir.anylist_resetitem", list_handle, index)


def anylist_setitem_call_packed(
    list_handle: PrimExpr, index: Operand, func_name: str, *args: Any
) -> PrimExpr:
    """Set item ``index`` of an AnyList to the result of packed function ``func_name``."""
    return _call("int32", "tir.anylist_setitem_call_packed", list_handle, index, func_name, *args)


def anylist_setitem_call_cpacked(
    list_handle: PrimExpr, index: Operand, func_name: str, *args: Any
) -> PrimExpr:
    """Set item ``index`` of an AnyList to the result of packed C function ``func_name``."""
    return _call("int32", "tir.anylist_setitem_call_cpacked", list_handle, index, func_name, *args)


def vscale() -> PrimExpr:
    """The scalable-vector multiplier."""
    return _call("int32", "tir.vscale")


def get_active_lane_mask(dtype: str, base: Operand, limit: Operand) -> PrimExpr:
    """A mask of the lanes ``base + i < limit``."""
    return _call(dtype, "tir.get_active_lane_mask", base, limit)


def ignore_loop_partition(predicate: Operand) -> PrimExpr:
    """``predicate``, not to be used for loop partitioning."""
    return _call("bool", "tir.ignore_loop_partition", predicate)


def handle_add_byte_offset(handle: PrimExpr, offset: Operand) -> PrimExpr:
    """``handle`` advanced by ``offset`` bytes."""
    return _call("handle", "tir.handle_add_byte_offset", handle, offset)


def tvm_kernel_replace_point() -> PrimExpr:
    """Where a kernel is to be substituted."""
    return _call("void", "tir.tvm_kernel_replace_point")


def thread_return() -> PrimExpr:
    """Return from the current GPU thread."""
    return _call("void", "tir.thread_return")


__all__ = [
    "TVMBackendAllocWorkspace",
    "TVMBackendFreeWorkspace",
    "abs",
    "acos",
    "acosh",
    "address_of",
    "anylist_getitem",
    "anylist_resetitem",
    "anylist_setitem_call_cpacked",
    "anylist_setitem_call_packed",
    "asin",
    "asinh",
    "assume",
    "atan",
    "atan2",
    "atanh",
    "bitwise_and",
    "bitwise_not",
    "bitwise_or",
    "bitwise_xor",
    "call_cpacked",
    "call_cpacked_lowered",
    "call_extern",
    "call_intrin",
    "call_llvm_intrin",
    "call_llvm_pure_intrin",
    "call_packed",
    "call_packed_lowered",
    "call_pure_extern",
    "cast",
    "ceil",
    "ceildiv",
    "clz",
    "copysign",
    "cos",
    "cosh",
    "dp4a",
    "end_profile_intrinsic",
    "erf",
    "exp",
    "exp2",
    "exp10",
    "fabs",
    "floor",
    "floordiv",
    "floormod",
    "fma",
    "fmod",
    "get_active_lane_mask",
    "handle_add_byte_offset",
    "hypot",
    "if_then_else",
    "ignore_loop_partition",
    "infinity",
    "isfinite",
    "isinf",
    "isnan",
    "isnullptr",
    "ldexp",
    "likely",
    "log",
    "log1p",
    "log2",
    "log10",
    "lookup_param",
    "max",
    "max_value",
    "min",
    "min_value",
    "nearbyint",
    "nextafter",
    "pack_buffer",
    "popcount",
    "pow",
    "power",
    "q_multiply_shift",
    "reinterpret",
    "ret",
    "round",
    "rsqrt",
    "shift_left",
    "shift_right",
    "sigmoid",
    "sin",
    "sinh",
    "sqrt",
    "start_profile_intrinsic",
    "tan",
    "tanh",
    "thread_return",
    "trunc",
    "truncdiv",
    "truncmod",
    "tvm_access_ptr",
    "tvm_bmma_sync",
    "tvm_call_cpacked",
    "tvm_call_cpacked_lowered",
    "tvm_call_packed",
    "tvm_call_packed_lowered",
    "tvm_fill_fragment",
    "tvm_global_barrier_kinit",
    "tvm_kernel_replace_point",
    "tvm_load_matrix_sync",
    "tvm_mma_sync",
    "tvm_stack_alloca",
    "tvm_stack_make_array",
    "tvm_stack_make_shape",
    "tvm_storage_sync",
    "tvm_store_matrix_sync",
    "tvm_struct_get",
    "tvm_struct_set",
    "tvm_thread_allreduce",
    "tvm_thread_invariant",
    "tvm_throw_last_error",
    "tvm_tuple",
    "tvm_warp_activemask",
    "tvm_warp_shuffle",
    "tvm_warp_shuffle_down",
    "tvm_warp_shuffle_up",
    "tvm_warp_shuffle_xor",
    "type_annotation",
    "undef",
    "vectorcombine",
    "vectorhigh",
    "vectorlow",
    "vscale",
]
