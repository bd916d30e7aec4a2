"""``T.call_packed``: a call from native code into a registered Python function.

The arguments go into two stack arrays, one 8-byte slot and one type code per argument, and
``__tvms_call_packed(name, nargs, slots, codes)`` (the runtime's callback) is called. Arrays
(``T.tvm_stack_make_array``) are passed as descriptors::

    { ptr data, i64 ndim, ptr dtype_name, ptr shape, ptr strides (or null), i64 elem_offset }
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from tvmscript.codegen.llvm.ir_text import Value
from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.op import Op
from tvmscript.core.tir import expr as E

if TYPE_CHECKING:
    from tvmscript.codegen.llvm.function import FunctionLowering

CODE_INT: Final = 0
CODE_FLOAT: Final = 1
CODE_STR: Final = 2
CODE_ARRAY: Final = 3
CODE_HANDLE: Final = 4
CALLBACK: Final = "__tvms_call_packed"
ARRAY_STRUCT: Final = "{ptr, i64, ptr, ptr, ptr, i64}"
PACKED_FAILED: Final = -2


def _is(e: object, name: str) -> bool:
    return isinstance(e, E.Call) and isinstance(e.op, Op) and e.op.name == name


def lower_packed_call(low: FunctionLowering, e: E.Call) -> Value:
    """Emit the call; a failure in Python returns `PACKED_FAILED` from the kernel."""
    name_e, *rest = e.args
    if not isinstance(name_e, E.StringImm):
        raise low.error("call_packed expects the function's name first", e)
    fb = low.fb
    n = len(rest)
    slots = fb.alloca("i64", max(n, 1), 8)
    codes = fb.alloca("i32", max(n, 1), 4)
    for i, arg in enumerate(rest):
        value, code = _argument(low, arg)
        slot = fb.op("ptr", f"getelementptr inbounds i64, ptr {slots.ref}, i32 {i}")
        fb.emit(f"  store {value.typed()}, ptr {slot.ref}")
        cslot = fb.op("ptr", f"getelementptr inbounds i32, ptr {codes.ref}, i32 {i}")
        fb.emit(f"  store i32 {code}, ptr {cslot.ref}")
    name = low.module.string(name_e.value)
    low.module.decls.add(f"declare i32 @{CALLBACK}(ptr, i32, ptr, ptr)")
    rc = fb.op(
        "i32", f"call i32 @{CALLBACK}(ptr {name.ref}, i32 {n}, ptr {slots.ref}, ptr {codes.ref})"
    )
    bad = fb.op("i1", f"icmp ne i32 {rc.ref}, 0")
    ok, fail = fb.new_block("packed_ok"), fb.new_block("packed_fail")
    fb.cond_br(bad, fail, ok)
    fb.place(fail)
    low.fail(None, rc)
    fb.place(ok)
    return Value("i32", "0")


def _argument(low: FunctionLowering, arg: object) -> tuple[Value, int]:
    if isinstance(arg, E.StringImm):
        return low.module.string(arg.value), CODE_STR
    if _is(arg, "tir.tvm_stack_make_array"):
        assert isinstance(arg, E.Call)
        return _make_array(low, arg), CODE_ARRAY
    if not isinstance(arg, E.PrimExpr):
        raise low.error(f"cannot pass {type(arg).__name__} to a packed function", arg)
    v = low.expr(arg)
    t = DataType.of(arg.dtype)
    if t.is_handle:
        return v, CODE_HANDLE
    if t.is_float:
        return low.cast(v, arg.dtype, "float64"), CODE_FLOAT
    return low.cast(v, arg.dtype, "int64"), CODE_INT


def _make_array(low: FunctionLowering, e: E.Call) -> Value:
    data, shape, strides, ndim, proxy, offset = e.args
    fb = low.fb
    desc = fb.alloca(ARRAY_STRUCT, 1, 8)
    fields = [
        low.expr(data),
        low.cast(low.expr(ndim), ndim.dtype, "int64"),
        low.module.string(proxy.dtype),
        _shape(low, shape),
        _shape(low, strides) if _is(strides, "tir.tvm_stack_make_shape") else Value("ptr", "null"),
        low.cast(low.expr(offset), offset.dtype, "int64"),
    ]
    for i, v in enumerate(fields):
        slot = fb.op(
            "ptr", f"getelementptr inbounds {ARRAY_STRUCT}, ptr {desc.ref}, i32 0, i32 {i}"
        )
        fb.emit(f"  store {v.typed()}, ptr {slot.ref}")
    return desc


def _shape(low: FunctionLowering, e: object) -> Value:
    if not _is(e, "tir.tvm_stack_make_shape"):
        raise low.error("expected T.tvm_stack_make_shape(...) for an array's shape", e)
    assert isinstance(e, E.Call)
    fb = low.fb
    arr = fb.alloca("i64", max(len(e.args), 1), 8)
    for i, dim in enumerate(e.args):
        v = low.cast(low.expr(dim), dim.dtype, "int64")
        slot = fb.op("ptr", f"getelementptr inbounds i64, ptr {arr.ref}, i32 {i}")
        fb.emit(f"  store {v.typed()}, ptr {slot.ref}")
    return arr
