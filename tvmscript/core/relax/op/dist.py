"""``R.dist``: sharding annotations and redistribution across a device mesh."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import arg_info, constant
from tvmscript.core.relax.op.call import OutTy, _make_dps
from tvmscript.core.relax.op.call import call_tir as _call_tir
from tvmscript.core.relax.op.ccl import infer_scatter
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo


@dataclass(frozen=True, slots=True)
class DeviceMesh:
    """Devices arranged in a grid (``R.dist.device_mesh((2, 2), [0, 1, 2, 3])``)."""

    shape: tuple[int, ...]
    device_ids: tuple[int, ...]


def device_mesh(shape: Sequence[int], device_ids: Sequence[int] | range) -> DeviceMesh:
    """A device mesh of ``shape`` over ``device_ids``."""
    return DeviceMesh(tuple(int(s) for s in shape), tuple(int(d) for d in device_ids))


def _infer_identity(call: Call) -> StructInfo:
    return arg_info(call, 0)


register_op("dist.annotate_sharding")(_infer_identity)
register_op("dist.redistribute")(_infer_identity)
register_op("dist.redistribute_replica_to_shard")(infer_scatter)


def annotate_sharding(value: Expr, device_mesh: DeviceMesh, placement: str) -> Call:
    """``value``, annotated to be sharded over ``device_mesh`` as ``placement`` says."""
    attrs = {"device_mesh": device_mesh, "placement": placement}
    return make_call("dist.annotate_sharding", [value], attrs)


def redistribute(value: Expr, device_mesh: DeviceMesh, placement: str) -> Call:
    """``value`` moved to the sharding ``placement`` over ``device_mesh``."""
    attrs = {"device_mesh": device_mesh, "placement": placement}
    return make_call("dist.redistribute", [value], attrs)


def redistribute_replica_to_shard(input: Expr, num_workers: int, axis: int) -> Call:
    """A replicated ``input`` sliced along ``axis``: each worker keeps its shard."""
    attrs = {"num_workers": num_workers, "axis": axis}
    return make_call("dist.redistribute_replica_to_shard", [input], attrs)


def call_tir(func: Expr, args: Expr | Sequence[Expr], out_ty: OutTy) -> Call:
    """`R.call_tir` on distributed tensors."""
    return _call_tir(func, args, out_ty)


def call_tir_local_view(gvar: Expr, args: Expr | Sequence[Expr], out_ty: OutTy) -> Call:
    """A call of a PrimFunc written for one shard of distributed tensors."""
    return _make_dps("dist.call_tir_local_view", gvar, args, out_ty)


def const(value: object, ty: StructInfo) -> Expr:
    """A constant with the given (distributed) struct info."""
    return constant(value).with_struct_info(ty)  # type: ignore[no-any-return]


__all__ = [
    "DeviceMesh",
    "annotate_sharding",
    "call_tir",
    "call_tir_local_view",
    "const",
    "device_mesh",
    "redistribute",
    "redistribute_replica_to_shard",
]
