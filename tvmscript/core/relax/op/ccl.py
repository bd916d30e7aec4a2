"""``R.ccl``: collective communication between workers."""

from __future__ import annotations

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import INDEX, like, normalize_axis, tensor, tensor_info
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo
from tvmscript.core.tir import expr as E


def _infer_same(call: Call) -> StructInfo:
    return like(tensor_info(call, 0, "input"))


register_op("ccl.allreduce")(_infer_same)
register_op("ccl.broadcast_from_worker0")(_infer_same)


def allreduce(x: Expr, op_type: str = "sum", in_group: bool = True) -> Call:
    """``x`` reduced over the workers (``op_type``: sum, prod, min, max, avg)."""
    return make_call("ccl.allreduce", [x], {"op_type": op_type, "in_group": in_group})


def broadcast_from_worker0(x: Expr) -> Call:
    """Worker 0's ``x`` on every worker."""
    return make_call("ccl.broadcast_from_worker0", [x])


@register_op("ccl.allgather")
def _infer_allgather(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    if (dims := info.shape_values) is None or not dims:
        return like(info)
    first = E.Mul(dims[0], E.IntImm(INDEX, call.attrs["num_workers"]))
    return tensor([first, *dims[1:]], info.dtype, info.ndim, info.vdevice)


def allgather(x: Expr, num_workers: int, in_group: bool = True) -> Call:
    """Every worker's ``x`` concatenated along the first axis."""
    return make_call("ccl.allgather", [x], {"num_workers": num_workers, "in_group": in_group})


def infer_scatter(call: Call) -> StructInfo:
    """``x`` divided along ``axis`` among ``num_workers`` workers."""
    info = tensor_info(call, 0, "input")
    if (dims := info.shape_values) is None:
        return like(info)
    axis = normalize_axis(call, call.attrs["axis"], len(dims))
    out = list(dims)
    out[axis] = E.FloorDiv(dims[axis], E.IntImm(INDEX, call.attrs["num_workers"]))
    return tensor(out, info.dtype, info.ndim, info.vdevice)


register_op("ccl.scatter_from_worker0")(infer_scatter)


def scatter_from_worker0(x: Expr, num_workers: int, axis: int = 0) -> Call:
    """Worker 0's ``x`` split along ``axis``, one part per worker."""
    return make_call("ccl.scatter_from_worker0", [x], {"num_workers": num_workers, "axis": axis})


__all__ = ["allgather", "allreduce", "broadcast_from_worker0", "scatter_from_worker0"]
