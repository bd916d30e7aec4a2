"""The editor's "show lowered TIR" and "show LLVM IR" for any module, Relax ones included.

A module with Relax functions is legalized first (its operators become PrimFuncs); then the
code generator's pure functions do the rest. ``func_name`` may name a PrimFunc, or a Relax
function: then every PrimFunc it calls (directly or through other Relax functions) is shown.
"""

from __future__ import annotations

from tvmscript.codegen.llvm import CodegenError, llvm_ir_text, lowered_tir_text
from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.ir.node import Node
from tvmscript.core.relax import expr as rx
from tvmscript.core.tir.function import PrimFunc
from tvmscript.runtime.vm import has_relax, legalized
from tvmscript.runtime.vm.lower import walk_nodes


def _reachable(mod: IRModule, name: str) -> list[GlobalVar]:
    """The PrimFuncs the Relax function ``name`` calls, in order of first call."""
    seen: set[str] = {name}
    order: list[GlobalVar] = []
    todo = [mod[name]]
    while todo:
        for n in walk_nodes(todo.pop()):
            if not isinstance(n, GlobalVar) or n.name_hint in seen or n.name_hint not in mod:
                continue
            seen.add(n.name_hint)
            target = mod[n.name_hint]
            if isinstance(target, PrimFunc):
                order.append(n)
            elif isinstance(target, rx.Function):
                todo.append(target)
    return order


def _kernels_of(obj: Node, func_name: str | None) -> tuple[Node, str | None]:
    """The module of PrimFuncs to show, and the one PrimFunc's name when there is one."""
    if not has_relax(obj):
        return obj, func_name
    mod = legalized(obj)
    prims = {gv: f for gv, f in mod.functions.items() if isinstance(f, PrimFunc)}
    if func_name is None or func_name not in mod or not isinstance(mod[func_name], rx.Function):
        return IRModule(prims), func_name
    wanted = {gv.name_hint for gv in _reachable(mod, func_name)}
    if not wanted:
        raise CodegenError(f"the Relax function '{func_name}' calls no PrimFunc")
    return IRModule({gv: f for gv, f in prims.items() if gv.name_hint in wanted}), None


def relax_lowered_tir_text(obj: Node, func_name: str | None = None) -> str:
    """The lowered TIR of ``obj``'s kernels (legalized first when it has Relax functions)."""
    mod, name = _kernels_of(obj, func_name)
    return lowered_tir_text(mod, name)


def relax_llvm_ir_text(obj: Node, func_name: str | None = None, target: object = "llvm") -> str:
    """The LLVM IR of ``obj``'s kernels (legalized first when it has Relax functions)."""
    mod, name = _kernels_of(obj, func_name)
    return llvm_ir_text(mod, name, target)
