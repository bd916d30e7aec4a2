"""One LLVM module per compile: every PrimFunc of the IRModule, lowered, as a C-callable kernel.

The kernel ABI (also the exported library's, see `header`):

    int32_t NAME(<one argument per parameter>, <int64_t per symbolic dimension>);

A buffer parameter is a pointer to its first element; a scalar parameter is passed by value
(``bool`` as one byte); then each variable defined by the buffers' shapes or strides (``n`` of
``T.Buffer((n, 4))``), in order of first appearance, as ``int64_t``. The result is 0 on
success; otherwise ``tvmscript_last_error()`` returns the message (``"Kind: text"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from tvmscript.codegen.llvm import ir_text as T
from tvmscript.codegen.llvm.function import FunctionLowering, ModuleState
from tvmscript.codegen.llvm.ir_text import FunctionBuilder, Value
from tvmscript.codegen.llvm.nontemporal import streaming_outputs
from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.functor import walk

ERROR_GLOBAL: Final = "@__tvms_error = internal global ptr null"
ERROR_GETTER: Final = """define ptr @tvmscript_last_error() nounwind {
  %p = load ptr, ptr @__tvms_error
  ret ptr %p
}"""


@dataclass(frozen=True)
class Param:
    """One argument of a kernel: a buffer, a scalar, or a symbolic dimension."""

    name: str
    kind: str  # "buffer" | "scalar" | "dim"
    dtype: str  # element dtype (buffer), value dtype (scalar, dim)
    var: E.Var
    buffer: Buffer | None = None


@dataclass(frozen=True)
class KernelSignature:
    """The native entry of one PrimFunc: its symbol, arguments, what it writes."""

    name: str
    symbol: str
    params: tuple[Param, ...]
    dims: tuple[Param, ...]
    written: frozenset[E.Var]
    noalias: bool
    func: PrimFunc = field(compare=False)

    def llvm_arg_types(self) -> list[str]:
        return [_abi_type(p) for p in (*self.params, *self.dims)]


def _abi_type(p: Param) -> str:
    if p.kind == "buffer" or DataType.of(p.dtype).is_handle:
        return "ptr"
    if p.kind == "dim":
        return "i64"
    if p.dtype == "bool":
        return "i8"
    if p.dtype in ("float16", "bfloat16"):
        return "float"  # C has no portable half; converted on entry
    return T.reg_type(p.dtype)


def signature_of(name: str, func: PrimFunc) -> KernelSignature:
    """The ABI of ``func`` (lowered), exported as ``name``'s ``global_symbol`` or ``name``."""
    params: list[Param] = []
    defined: set[E.Var] = set()
    for var in func.params:
        buf = func.buffer_map.get(var)
        if buf is not None:
            params.append(Param(var.name, "buffer", buf.dtype, var, buf))
            defined.add(buf.data)
        else:
            params.append(Param(var.name, "scalar", var.dtype, var))
            defined.add(var)
    dims: list[Param] = []
    for buf in func.buffer_map.values():
        for e in (
            *buf.shape,
            *buf.strides,
            *([buf.elem_offset] if buf.elem_offset is not None else []),
        ):
            for v in _vars(e):
                if v not in defined:
                    defined.add(v)
                    dims.append(Param(v.name, "dim", v.dtype, v))
    symbol = str(func.attrs.get("global_symbol", name))
    noalias = bool(func.attrs.get("tirx.noalias", False))
    return KernelSignature(name, symbol, tuple(params), tuple(dims), _written(func), noalias, func)


def _vars(e: E.PrimExpr) -> list[E.Var]:
    out: list[E.Var] = []
    walk(e, lambda n: out.append(n) if isinstance(n, E.Var) and n not in out else None)
    return out


def _written(func: PrimFunc) -> frozenset[E.Var]:
    from tvmscript.core.tir import stmt as S

    out: set[E.Var] = set()

    def check(n: object) -> None:
        if isinstance(n, S.BufferStore):
            out.add(n.buffer.data)
        elif isinstance(n, E.Call):
            for a in n.args:  # an opaque call may write any buffer it is given
                if isinstance(a, E.Var) and DataType.of(a.dtype).is_handle:
                    out.add(a)
                elif isinstance(a, E.Call):
                    check(a)

    walk(func.body, check)
    return frozenset(out)


def build_module(
    kernels: Iterable[tuple[KernelSignature, PrimFunc]],
    triple: str,
    datalayout: str,
    *,
    launch_text: str | None = None,
) -> str:
    """The LLVM IR text of one module defining each kernel (lowered ``PrimFunc``)."""
    state = ModuleState()
    for sig, func in kernels:
        state.functions.append(_kernel_text(state, sig, func))
    lines = [f'target triple = "{triple}"', f'target datalayout = "{datalayout}"', ""]
    lines.append(ERROR_GLOBAL)
    lines.extend(state.globals)
    lines.append("")
    lines.extend(sorted(state.decls))
    lines.append("")
    lines.append(ERROR_GETTER)
    lines.extend(state.functions)
    if launch_text is not None:
        lines.append(launch_text)
    lines.extend(state.metadata)
    return "\n".join(lines) + "\n"


def _kernel_text(state: ModuleState, sig: KernelSignature, func: PrimFunc) -> str:
    arg_types = sig.llvm_arg_types()
    params: list[str] = []
    values: dict[E.Var, Value] = {}
    for i, (p, ty) in enumerate(zip((*sig.params, *sig.dims), arg_types, strict=True)):
        attr = " noalias" if ty == "ptr" and sig.noalias and p.kind == "buffer" else ""
        params.append(f"{ty}{attr} %arg{i}")
        values_key = p.buffer.data if p.buffer is not None else p.var
        values[values_key] = Value(ty, f"%arg{i}")
    fb = FunctionBuilder(f'"{sig.symbol}"', "i32", params, "nounwind")
    for p in (*sig.params, *sig.dims):  # narrow the ABI's types to the IR's
        key = p.buffer.data if p.buffer is not None else p.var
        v = values[key]
        want = T.reg_type(p.dtype) if p.kind != "buffer" else "ptr"
        if p.kind == "dim" and want != "i64":
            values[key] = fb.op(want, f"trunc i64 {v.ref} to {want}")
        elif p.kind == "scalar" and p.dtype == "bool":
            values[key] = fb.op("i1", f"icmp ne i8 {v.ref}, 0")
        elif p.kind == "scalar" and p.dtype == "float16":
            values[key] = fb.op("half", f"fptrunc float {v.ref} to half")
    low = FunctionLowering(
        state,
        fb,
        values,
        name=_symbol_name(sig.symbol),
        noalias=sig.noalias,
        nontemporal=streaming_outputs(func),
    )
    low.owned = {p.buffer.data for p in sig.params if p.buffer is not None}
    low.stmt(func.body)
    low.finish()
    state.decls.update(fb.needs)
    return fb.text()


def _symbol_name(symbol: str) -> str:
    return "".join(c if c.isalnum() or c in "_." else "_" for c in symbol)
