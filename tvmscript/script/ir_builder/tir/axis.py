"""Block axes: ``T.axis.spatial/reduce/scan/opaque`` and ``T.axis.remap``.

Each call adds an `IterVar` to the innermost block and its binding to the block's realize,
and returns the new block variable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import affine, arith
from tvmscript.core.tir.expr import IntImm, IterType, IterVar, PrimExpr, Range, Var
from tvmscript.script.ir_builder.base import IRBuilder
from tvmscript.script.ir_builder.tir.frames import ForFrame, block_frame, current_span

DomLike = Range | PrimExpr | int | Sequence[PrimExpr | int]

_KINDS: Final = {"S": IterType.DATA_PAR, "R": IterType.COMM_REDUCE}


def _as_range(dom: DomLike) -> Range:
    if isinstance(dom, Range):
        return dom
    if isinstance(dom, list | tuple):
        if len(dom) != 2:
            raise ValueError(f"expected an axis domain (begin, end), got {dom!r}")
        begin, end = arith._operands(dom[0], dom[1])
        return Range(begin, affine.extent(begin, end))
    if isinstance(dom, PrimExpr):
        return Range(IntImm(dom.dtype, 0), dom)
    if isinstance(dom, int) and not isinstance(dom, bool):
        extent = arith.const(dom)
        return Range(IntImm(extent.dtype, 0), extent)
    raise TypeError(f"expected an axis domain (extent, (begin, end) or Range), got {dom!r}")


def _push(kind: IterType, dom: DomLike, binding: PrimExpr | int, dtype: str) -> Var:
    frame = block_frame("T.axis")
    if not isinstance(dtype, str):
        raise TypeError(f"the axis dtype must be a string, got '{type(dtype).__name__}'")
    DataType.of(dtype)  # `T.axis.spatial(8, i, "x")`: no such dtype
    rng = _as_range(dom)
    if dtype != "int32" and rng.extent.dtype != dtype:  # an explicit dtype, as TVM checks it
        raise ValueError(
            f"the dtype of the axis extent ({rng.extent.dtype}) must match the axis dtype '{dtype}'"
        )
    value = binding if isinstance(binding, PrimExpr) else arith.make_const(dtype, binding)
    var = Var("", value.dtype, span=current_span())
    frame.iter_vars.append(IterVar(rng, var, kind, span=var.span))
    frame.iter_values.append(value)
    return var


def spatial(dom: DomLike, binding: PrimExpr | int, dtype: str = "int32") -> Var:
    """A spatial (data-parallel) block axis over ``dom`` bound to ``binding``."""
    return _push(IterType.DATA_PAR, dom, binding, dtype)


def reduce(dom: DomLike, binding: PrimExpr | int, dtype: str = "int32") -> Var:
    """A reduction block axis over ``dom`` bound to ``binding``."""
    return _push(IterType.COMM_REDUCE, dom, binding, dtype)


def scan(dom: DomLike, binding: PrimExpr | int, dtype: str = "int32") -> Var:
    """An ordered (scan) block axis over ``dom`` bound to ``binding``."""
    return _push(IterType.ORDERED, dom, binding, dtype)


def opaque(dom: DomLike, binding: PrimExpr | int, dtype: str = "int32") -> Var:
    """An opaque block axis over ``dom`` bound to ``binding``."""
    return _push(IterType.OPAQUE, dom, binding, dtype)


def _loop_dom(var: Var) -> Range:
    for frame in reversed(IRBuilder.current().frames):
        if isinstance(frame, ForFrame):
            for loop_var, dom in zip(frame.vars, frame.doms, strict=True):
                if loop_var is var:
                    return dom
    raise ValueError(f"T.axis.remap binds loop variables, and '{var.name}' is not one")


def remap(kinds: str, bindings: Sequence[PrimExpr], dtype: str = "int32") -> Var | list[Var]:
    """One axis per letter of ``kinds`` ("S" spatial, "R" reduce), each over its loop's range."""
    if len(kinds) != len(bindings):
        raise ValueError(
            f"T.axis.remap got {len(kinds)} axis kinds but {len(bindings)} loop variables"
        )
    out: list[Var] = []
    for kind, binding in zip(kinds, bindings, strict=True):
        if (iter_type := _KINDS.get(kind)) is None:
            raise ValueError(f"expected axis kinds 'S' or 'R' in T.axis.remap, got {kind!r}")
        if not isinstance(binding, Var):
            raise TypeError(f"T.axis.remap binds loop variables, got {binding!r}")
        out.append(_push(iter_type, _loop_dom(binding), binding, dtype))
    return out[0] if len(out) == 1 else out


S = spatial
R = reduce
