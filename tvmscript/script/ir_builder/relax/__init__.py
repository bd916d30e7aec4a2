"""The Relax builder: TVM 0.27's ``tvm.script.ir_builder.relax`` API, usable without a parser.

Frames, bindings and struct-info annotations.

Operators and value constructors (``R.add``, ``R.const``, ``R.call_tir``, ...) are the IR's
own (`tvmscript.core.relax.op`); this package builds functions from them: frames for
functions, dataflow blocks and branches, and the bindings they hold, normalised as TVM's block
builder does (`emit`).
"""

from tvmscript.script.ir_builder.relax.calls import call_function, check_call_tir
from tvmscript.script.ir_builder.relax.control import Else, If, Then, dataflow
from tvmscript.script.ir_builder.relax.emit import (
    emit,
    emit_match_cast,
    emit_var_binding,
    normalize,
    output,
)
from tvmscript.script.ir_builder.relax.frames import (
    BlockFrame,
    ElseFrame,
    FunctionFrame,
    IfFrame,
    RelaxError,
    RelaxFrame,
    SeqExprFrame,
    ThenFrame,
)
from tvmscript.script.ir_builder.relax.func import (
    arg,
    func_attr,
    func_name,
    func_ret_struct_info,
    func_ret_ty,
    func_ret_type,
    func_ret_value,
)
from tvmscript.script.ir_builder.relax.func import (
    function as function,
)  # not star-exported: R.function is the decorator
from tvmscript.script.ir_builder.relax.misc import (
    ExternFunc,
    MatchCastPair,
    SeqExpr,
    ShapeExpr,
    TupleGetItem,
    call_dps_packed,
    call_packed,
    call_pure_packed,
    call_tir,
    call_tir_inplace,
    call_tir_with_grad,
    emit_te,
    emit_with_ty,
    emit_with_type,
    match_cast,
    rewriter,
    to_vdevice,
)
from tvmscript.script.ir_builder.relax.sinfo import (
    Any_,
    Callable,
    Object,
    Prim,
    Shape,
    Tensor,
    Tuple,
    as_struct_info,
    sym_var,
    vdevice,
)

__all__ = [
    "Any_",
    "BlockFrame",
    "Callable",
    "Else",
    "ElseFrame",
    "ExternFunc",
    "FunctionFrame",
    "If",
    "IfFrame",
    "MatchCastPair",
    "Object",
    "Prim",
    "RelaxError",
    "RelaxFrame",
    "SeqExpr",
    "SeqExprFrame",
    "Shape",
    "ShapeExpr",
    "Tensor",
    "Then",
    "ThenFrame",
    "Tuple",
    "TupleGetItem",
    "arg",
    "as_struct_info",
    "call_dps_packed",
    "call_function",
    "call_packed",
    "call_pure_packed",
    "call_tir",
    "call_tir_inplace",
    "call_tir_with_grad",
    "check_call_tir",
    "dataflow",
    "emit",
    "emit_match_cast",
    "emit_te",
    "emit_var_binding",
    "emit_with_ty",
    "emit_with_type",
    "func_attr",
    "func_name",
    "func_ret_struct_info",
    "func_ret_ty",
    "func_ret_type",
    "func_ret_value",
    "match_cast",
    "normalize",
    "output",
    "rewriter",
    "sym_var",
    "to_vdevice",
    "vdevice",
]  # fmt: skip
