"""The IR classes of ``T`` (``T.Add``, ``T.Ramp``, ``T.Var``, ...) with TVM 0.27's signatures.

``T.Add(a, b)`` builds an `Add` node without folding (what the printer writes when ``a + b``
would fold); ``isinstance(e, T.Add)`` asks whether ``e`` is one. The IR dataclasses keep their
own fields (a ``dtype`` after the operands); these are the script-facing constructors.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.buffer import Buffer


class _NodeClass(type):
    """Metaclass: the constructor class stands for its IR class in ``isinstance``."""

    node: ClassVar[type]

    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, cls.node)

    def __subclasscheck__(cls, subclass: type) -> bool:
        return issubclass(subclass, cls.node)


def _constructor(
    node: type, params: str, build: Callable[..., Any] | None = None, doc: str | None = None
) -> Any:
    from tvmscript.script.ir_builder.tir.intrinsics import signature_of

    sig = signature_of(params).replace(return_annotation=node)
    make = build or node

    def __new__(cls: type, *args: Any, **kwargs: Any) -> Any:
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        return make(*bound.arguments.values())

    cls = _NodeClass(
        node.__name__,
        (),
        {
            "__new__": __new__,
            "__doc__": doc or node.__doc__,
            "__module__": __name__,
            "__signature__": sig,
            "node": node,
        },
    )
    return cls


def _binary(node: type) -> Any:
    return _constructor(node, "a, b")


Add = _binary(E.Add)
Sub = _binary(E.Sub)
Mul = _binary(E.Mul)
Div = _binary(E.Div)
Mod = _binary(E.Mod)
FloorDiv = _binary(E.FloorDiv)
FloorMod = _binary(E.FloorMod)
Min = _binary(E.Min)
Max = _binary(E.Max)
EQ = _binary(E.EQ)
NE = _binary(E.NE)
LT = _binary(E.LT)
LE = _binary(E.LE)
GT = _binary(E.GT)
GE = _binary(E.GE)
And = _binary(E.And)
Or = _binary(E.Or)
Not = _constructor(E.Not, "a", lambda a: E.Not(arith.as_expr(a)))
Select = _constructor(E.Select, "condition, true_value, false_value")
Ramp = _constructor(E.Ramp, "base, stride, lanes")
Broadcast = _constructor(E.Broadcast, "value, lanes")


def _shuffle(vectors: Sequence[Any], indices: Sequence[Any]) -> E.Shuffle:
    return E.Shuffle(
        tuple(arith.as_expr(v) for v in vectors), tuple(arith.as_expr(i) for i in indices)
    )


Shuffle = _constructor(E.Shuffle, "vectors, indices", _shuffle)


def _load(buffer: Buffer, indices: Sequence[Any]) -> E.BufferLoad:
    return E.BufferLoad(buffer, tuple(arith.as_expr(i) for i in indices))


BufferLoad = _constructor(E.BufferLoad, "buffer, indices", _load)


def _call(op: Any, args: Sequence[Any], attrs: Any, ty_args: Any, ret_ty: Any) -> E.Call:
    del ty_args
    from tvmscript.core.ir.op import get_op

    if isinstance(op, str):
        op = get_op(op)
    if not isinstance(op, E.Op | GlobalVar):
        raise TypeError(f"T.Call expects an operator or a module function, got {op!r}")
    dtype = ret_ty.dtype if isinstance(ret_ty, E.PrimType) else ret_ty or "void"
    values = tuple(a if isinstance(a, Buffer) else arith.as_expr(a) for a in args)
    return E.Call(str(dtype), op, values, dict(attrs) if attrs else None)


Call = _constructor(E.Call, "op, args, attrs=None, ty_args=None, ret_ty=None", _call)


def _var(name: Any, ty: Any, name_hint: Any) -> E.Var:
    label = name if isinstance(name, str) else name_hint if isinstance(name_hint, str) else "v"
    if ty is None or isinstance(ty, str):
        return E.Var(label, ty or "int32")
    if isinstance(ty, E.PrimType):
        return E.Var(label, ty.dtype)
    if isinstance(ty, E.Type):
        return E.Var(label, "handle", ty)
    raise TypeError(f"T.Var expects a dtype or a type, got {ty!r}")


Var = _constructor(E.Var, "name=None, ty=None, *, name_hint=None", _var)

__all__ = [
    "EQ", "GE", "GT", "LE", "LT", "NE", "Add", "And", "Broadcast", "BufferLoad", "Call", "Div",
    "FloorDiv", "FloorMod", "Max", "Min", "Mod", "Mul", "Not", "Or", "Ramp", "Select", "Shuffle",
    "Sub", "Var",
]  # fmt: skip
del inspect
