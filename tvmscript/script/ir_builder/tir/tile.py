"""Tile primitives: ``T.tile.copy(dst, src)`` and the scope prefixes ``T.cta``, ``T.warp``, ...

A bare ``T.tile.<op>`` runs at ``thread`` scope; ``T.cta.<op>`` / ``T.warp.<op>`` /
``T.wg.<op>`` (``T.warpgroup``) / ``T.cluster.<op>`` / ``T.thread.<op>`` run the same
primitive cooperatively over that scope. Buffers become their full regions (``A_s`` is
``A_s[0:64, 0:64]``), as TVM 0.27 records them; each call adds a `TilePrimitiveCall`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, Final

from tvmscript.core.tir import arith
from tvmscript.core.tir.buffer import Buffer, BufferRegion
from tvmscript.core.tir.device import TilePrimitiveCall
from tvmscript.script.ir_builder.tir.frames import add_stmt, current_span
from tvmscript.script.ir_builder.tir.intrinsics import signature_of

_COMMON: Final = "workspace=None, dispatch=None, scope=None, **kwargs"
# Primitive -> (TVM's parameters before the common ones, what it does).
_PRIMITIVES: Final[dict[str, tuple[str, str]]] = {
    "add": ("dst, src1, src2", "``dst = src1 + src2`` (a source may be a number)."),
    "binary_chain": (
        "output, data, operand0, operand1, op0, op1, reverse1=False",
        "``output = (data op0 operand0) op1 operand1``.",
    ),
    "binary_reduce": (
        "binary_output, reduce_output, binary_input1, binary_input2, binary_op, reduce_op, "
        "reduce_axes=-1",
        "An element-wise operation, then a reduction of its result.",
    ),
    "cast": ("dst, src=None", "``dst = src`` converted to ``dst``'s dtype."),
    "copy": ("dst, src", "Copy ``src`` into ``dst`` (regions of equal shape)."),
    "copy_async": ("dst, src", "An asynchronous copy (TMA / cp.async)."),
    "exp": (
        "dst, src=None, bias=None, scale=None",
        "``dst = exp(src * scale + bias)`` (in place without ``src``).",
    ),
    "exp2": ("dst, src=None, bias=None, scale=None", "``dst = 2 ** (src * scale + bias)``."),
    "fdiv": ("dst, src1, src2", "``dst = src1 / src2``."),
    "fill": ("dst, value", "Fill ``dst`` with ``value``."),
    "fma": ("dst, src, scale, bias", "``dst = src * scale + bias``."),
    "gemm": (
        "D, A, B, C, transpose_A=False, transpose_B=False, alpha=1.0, beta=0.0",
        "``D = alpha * A @ B + beta * C``.",
    ),
    "gemm_async": (
        "C, A, B, SFA=None, SFB=None, transA=False, transB=False, accum=False",
        "An asynchronous matrix multiply (tcgen05/WGMMA), optionally block-scaled.",
    ),
    "log2": ("dst, src=None, bias=None, scale=None", "``dst = log2(src * scale + bias)``."),
    "max": (
        "dst, src=None, axes=-1, accum=False",
        "Maximum of ``src`` over ``axes`` into ``dst``.",
    ),
    "maximum": ("dst, src1, src2", "``dst = max(src1, src2)`` element-wise."),
    "memset": ("dst, value", "Set every element of ``dst`` to ``value``."),
    "min": (
        "dst, src=None, axes=-1, accum=False",
        "Minimum of ``src`` over ``axes`` into ``dst``.",
    ),
    "minimum": ("dst, src1, src2", "``dst = min(src1, src2)`` element-wise."),
    "mul": ("dst, src1, src2", "``dst = src1 * src2``."),
    "permute_layout": ("dst, src", "Copy ``src`` into ``dst``'s (different) layout."),
    "reciprocal": ("dst, src=None", "``dst = 1 / src``."),
    "reduce_negate": (
        "output, input, reduce_op, reduce_axes=-1, accum=False",
        "A reduction of ``-input``.",
    ),
    "select": (
        "dst, true_value, false_value, pred",
        "``dst = pred(i...) ? true_value : false_value``.",
    ),
    "silu": ("dst, src", "``dst = src * sigmoid(src)``."),
    "sqrt": ("dst, src=None, bias=None, scale=None", "``dst = sqrt(src * scale + bias)``."),
    "sub": ("dst, src1, src2", "``dst = src1 - src2``."),
    "sum": ("dst, src, axes=-1, accum=False", "Sum of ``src`` over ``axes`` into ``dst``."),
    "unary_reduce": (
        "unary_output, reduce_output, unary_input, unary_op, reduce_op, bias=None, scale=None, "
        "reduce_axes=-1",
        "An element-wise unary operation, then a reduction.",
    ),
    "zero": ("dst, src=None", "``dst = 0`` (shaped as ``src``)."),
}
_IN_PLACE: Final = frozenset({"cast", "exp", "exp2", "log2", "max", "min", "reciprocal",
                              "sqrt", "zero"})  # fmt: skip
"""Primitives whose ``src`` defaults to ``dst``."""
_AXES: Final = frozenset({"axes", "reduce_axes"})
SCOPES: Final[dict[str, str]] = {
    "cluster": "cluster",
    "cta": "cta",
    "wg": "warpgroup",
    "warpgroup": "warpgroup",
    "warp": "warp",
    "thread": "thread",
}
"""Scope prefix -> the scope it names."""


def is_buffer_var(value: Any) -> bool:
    """Whether ``value`` is a buffer (what a tile primitive takes as a whole region)."""
    return isinstance(value, Buffer)


def _region(value: Any) -> Any:
    if isinstance(value, Buffer):
        return BufferRegion.full(value)
    return value


def _argument(name: str, value: Any) -> Any:
    if name in _AXES:
        return list(value) if isinstance(value, list | tuple) else [value]
    if isinstance(value, Buffer):
        return BufferRegion.full(value)
    if isinstance(value, float):
        return arith.as_expr(value)
    return value


def _primitive(op: str) -> Callable[..., None]:
    params, doc = _PRIMITIVES[op]
    sig = signature_of(f"{params}, scope=None" if op == "select" else f"{params}, {_COMMON}")
    positional = [n for n, p in sig.parameters.items() if n not in ("workspace", "dispatch",
                  "scope", "kwargs")]  # fmt: skip

    def primitive(*args: Any, **kwargs: Any) -> None:
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        a = bound.arguments
        if op in _IN_PLACE and a.get("src") is None:
            a["src"] = a["dst"]
        values = tuple(_argument(n, a[n]) for n in positional)
        if op in ("copy", "copy_async"):
            _check_same_region(op, values[0], values[1])
        workspace = {k: _region(v) for k, v in (a.get("workspace") or {}).items()}
        add_stmt(
            TilePrimitiveCall(
                op,
                values,
                _scope(a["scope"]),
                a.get("dispatch"),
                dict(a.get("kwargs") or {}),
                workspace,
                span=current_span(),
            )
        )

    primitive.__name__ = primitive.__qualname__ = op
    primitive.__doc__ = doc
    primitive.__signature__ = sig  # type: ignore[attr-defined]
    return primitive


def _check_same_region(op: str, dst: Any, src: Any) -> None:
    """A copy's regions must have the same shape (unit dimensions aside)."""
    shapes = [_extents(r) for r in (dst, src)]
    if None in shapes or shapes[0] == shapes[1]:
        return
    raise ValueError(
        f"{op}: dst region shape {shapes[0]} != src region shape {shapes[1]}; "
        "copy operands must cover regions of the same shape"
    )


def _extents(region: Any) -> list[int] | None:
    if not isinstance(region, BufferRegion):
        return None
    extents: list[int] = []
    for r in region.region:
        if not isinstance(value := getattr(r.extent, "value", None), int):
            return None
        if value != 1:
            extents.append(value)
    return extents


def _scope(scope: Any) -> str:
    if scope is None:
        return "thread"
    name = getattr(scope, "name", scope)
    if not isinstance(name, str) or name not in SCOPES:
        raise ValueError(f"unknown tile scope {scope!r}: expected one of {sorted(SCOPES)}")
    return SCOPES[name]


PRIMITIVES: Final = {op: _primitive(op) for op in _PRIMITIVES}
"""The tile primitives at ``thread`` scope (``T.tile.<op>``)."""


class ScopeNamespace:
    """``T.cta`` / ``T.warp`` / ...: every tile primitive, run by the whole ``scope``."""

    _is_namespace = True

    def __init__(self, label: str) -> None:
        self.__name__ = f"T.{label}"
        self.__doc__ = f"Tile primitives run cooperatively by a {SCOPES[label]} (``T.{label}``)."
        self._label = label
        for op, fn in PRIMITIVES.items():
            setattr(self, op, _bound(fn, SCOPES[label], label))

    def __dir__(self) -> list[str]:
        return sorted(PRIMITIVES)

    def __repr__(self) -> str:
        return f"<T.{self._label}: {SCOPES[self._label]}-scope tile primitives>"


def _bound(fn: Callable[..., None], scope: str, label: str) -> Callable[..., None]:
    @functools.wraps(fn)
    def at_scope(*args: Any, **kwargs: Any) -> None:
        fn(*args, scope=scope, **kwargs)

    at_scope.__qualname__ = f"{label}.{fn.__name__}"
    at_scope.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("args", inspect.Parameter.VAR_POSITIONAL),
            inspect.Parameter("kwargs", inspect.Parameter.VAR_KEYWORD),
        ]
    )
    return at_scope


cluster = ScopeNamespace("cluster")
cta = ScopeNamespace("cta")
warpgroup = ScopeNamespace("warpgroup")
wg = ScopeNamespace("wg")
warp = ScopeNamespace("warp")
thread = ScopeNamespace("thread")


class TensorRegion:
    """A region of a buffer (``A[0:64, 0:8]``), as TVM 0.27's ``TensorRegion(source, region)``."""

    def __new__(cls, source: Buffer, region: Any, ty: Any) -> BufferRegion:  # type: ignore[misc]
        del ty  # the region's type follows from the buffer
        from tvmscript.core.tir.expr import Range

        ranges = tuple(r if isinstance(r, Range) else Range(*r) for r in region)
        return BufferRegion(source, ranges)


# The module is ``T.tile`` itself (``from tvm.script.tirx import tile as Tx``): its
# primitives are module attributes (``Tx.copy``), bound last so the builtins `max`, `min`
# and `sum` stay usable above.
globals().update(PRIMITIVES)

__all__ = [
    *PRIMITIVES,
    "PRIMITIVES",
    "ScopeNamespace",
    "TensorRegion",
    "cluster",
    "cta",
    "is_buffer_var",
    "thread",
    "warp",
    "warpgroup",
    "wg",
]
