"""``T.prim_func`` and the statements that describe the function itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import PrimType, Type, Var
from tvmscript.script.ir_builder.naming import rename
from tvmscript.script.ir_builder.tir.frames import PrimFuncFrame, current_span, prim_func_frame


def prim_func(
    is_private: bool = False, s_tir: bool = False, *, private: bool | None = None
) -> PrimFuncFrame:
    """Start a PrimFunc (``s_tir=True``: blocks get the implicit root and inferred regions)."""
    if private is not None:
        is_private = private
    return PrimFuncFrame(is_private, s_tir)


def arg(name: str, obj: Var | Buffer) -> Var | Buffer:
    """Add a parameter: a scalar/handle `Var`, or a `Buffer` (a fresh handle matched to it)."""
    func = prim_func_frame("T.arg")
    if isinstance(obj, Buffer):
        rename(obj, name)
        handle = Var(name, "handle", span=current_span())
        func.args.append(handle)
        func.buffer_map[handle] = obj
        return obj
    if isinstance(obj, Var):
        if any(a is obj for a in func.args):
            raise ValueError(f"duplicate parameter '{name}'")
        func.args.append(obj)
        return obj
    raise TypeError(f"expected a Var or a Buffer as parameter '{name}', got {obj!r}")


def func_name(name: str) -> None:
    """Name the current PrimFunc (its ``global_symbol`` unless private)."""
    if not isinstance(name, str):
        raise TypeError(f"expected a function name string, got {name!r}")
    prim_func_frame("T.func_name").name = name


def func_attr(attrs: Mapping[str, Any]) -> None:
    """Add attributes to the current PrimFunc (merged with earlier ones)."""
    if not isinstance(attrs, Mapping):
        raise TypeError(f"expected a dict of function attributes, got {type(attrs).__name__!r}")
    prim_func_frame("T.func_attr").attrs.update(attrs)


def func_ret(ret_type: Type | Var | None) -> Type | None:
    """Set the return type of the current PrimFunc (``-> T.int32`` gives a `PrimType`)."""
    if isinstance(ret_type, Var):
        ret_type = PrimType(ret_type.dtype)
    elif callable(ret_type) and not isinstance(ret_type, Type):
        made = ret_type()
        ret_type = PrimType(made.dtype) if isinstance(made, Var) else made
    if ret_type is not None and not isinstance(ret_type, Type):
        raise TypeError(f"expected a return type, got {ret_type!r}")
    prim_func_frame("T.func_ret").ret_type = ret_type
    return ret_type
