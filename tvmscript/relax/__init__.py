"""The ``R`` namespace of TVMScript (``from tvmscript import relax as R``).

A thin module: the Relax operators and value constructors of `tvmscript.core.relax.op`
(``R.add``, ``R.nn.conv2d``, ``R.call_tir``, ``R.const``, ...), the builder's functions
(``R.emit``, ``R.dataflow``, ``R.output``, ...), the struct-info annotations (``R.Tensor``,
``R.Shape``, ...) and the ``@R.function`` / ``@R.macro`` decorators. TVM's
``from tvm.script import relax as R`` means this module.
"""

from tvmscript.core.relax.op import *  # noqa: F403  (the operators)
from tvmscript.core.relax.op import __all__ as _OPERATORS
from tvmscript.core.relax.op import builtin, ccl, dist, grad, image, memory, nn, vision, vm
from tvmscript.script.ir_builder import relax as builder
from tvmscript.script.ir_builder.relax import (
    Callable,
    Else,
    ExternFunc,
    If,
    Object,
    Prim,
    SeqExpr,
    Shape,
    ShapeExpr,
    Tensor,
    Then,
    Tuple,
    TupleGetItem,
    arg,
    call_dps_packed,
    call_packed,
    call_pure_packed,
    call_tir,
    call_tir_inplace,
    call_tir_with_grad,
    dataflow,
    emit,
    emit_match_cast,
    emit_te,
    emit_var_binding,
    emit_with_ty,
    emit_with_type,
    func_attr,
    func_name,
    func_ret_struct_info,
    func_ret_ty,
    func_ret_type,
    func_ret_value,
    match_cast,
    output,
    rewriter,
    to_vdevice,
)
from tvmscript.script.parser import relax as parser
from tvmscript.script.parser.relax.entry import function, macro

Any = Object

__all__ = [
    *_OPERATORS,
    "Any", "Callable", "Else", "ExternFunc", "If", "Object", "Prim", "SeqExpr", "Shape",
    "ShapeExpr", "Tensor", "Then", "Tuple", "TupleGetItem",
    "arg", "call_dps_packed", "call_packed", "call_pure_packed", "call_tir", "call_tir_inplace",
    "call_tir_with_grad", "dataflow", "emit", "emit_match_cast", "emit_te", "emit_var_binding",
    "emit_with_ty",
    "emit_with_type", "func_attr", "func_name", "func_ret_struct_info", "func_ret_ty",
    "func_ret_type", "func_ret_value", "match_cast", "output", "rewriter", "to_vdevice",
    "function", "macro", "builder", "parser",
    "builtin", "ccl", "dist", "grad", "image", "memory", "nn", "vision", "vm",
]  # fmt: skip
