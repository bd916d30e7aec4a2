"""The ``I.ir_module`` frame: collects functions (declared first, defined later) and attrs."""

from __future__ import annotations

from typing import Any

from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.ir.node import Node
from tvmscript.script.ir_builder.base import BuilderError, Frame, IRBuilder


class IRModuleFrame(Frame):
    """``I.ir_module()``: global variables in declaration order and their functions."""

    def __init__(self) -> None:
        super().__init__()
        self.global_vars: dict[str, GlobalVar] = {}
        self.functions: dict[GlobalVar, Node | None] = {}
        self.signatures: dict[GlobalVar, Node] = {}
        """What is known of a declared function before its body is built (a Relax
        function's `FuncStructInfo`, a PrimFunc's parameters)."""
        self.attrs: dict[str, Any] = {}
        self.global_infos: dict[str, Any] = {}

    def declare(
        self, name: str, signature: Node | None, global_var: GlobalVar | None = None
    ) -> GlobalVar:
        """The `GlobalVar` of ``name``, declared now (an error if already declared).

        ``global_var``: the one to use (an earlier parse's, whose functions call it).
        """
        if name in self.global_vars:
            raise ValueError(f"function '{name}' is declared twice in the module")
        if global_var is not None and global_var.name_hint != name:
            raise ValueError(f"the global variable of '{name}' is '{global_var.name_hint}'")
        gv = self.global_vars[name] = global_var or GlobalVar(name)
        self.functions[gv] = None
        if signature is not None:
            self.set_signature(gv, signature)
        return gv

    def set_signature(self, gv: GlobalVar, signature: Node) -> None:
        """What is known of ``gv``'s function before it is built (a Relax `FuncStructInfo`)."""
        from tvmscript.core.relax.struct_info import FuncStructInfo

        self.signatures[gv] = signature
        if isinstance(signature, FuncStructInfo):
            object.__setattr__(gv, "struct_info", signature)

    def add_function(self, name: str, func: Node) -> None:
        """Define ``name`` as ``func`` (declaring it first when needed)."""
        gv = self.global_vars.get(name) or self.declare(name, None)
        self.functions[gv] = func
        object.__setattr__(gv, "struct_info", _func_struct_info(func))

    def finalize(self, builder: IRBuilder) -> None:
        missing = [gv.name_hint for gv, f in self.functions.items() if f is None]
        if missing:
            raise BuilderError(f"function '{missing[0]}' is declared but never defined")
        functions: dict[GlobalVar, Node] = {gv: f for gv, f in self.functions.items() if f}
        module = IRModule(functions, dict(self.attrs), dict(self.global_infos), span=self.span)
        if builder.frames:
            raise BuilderError("I.ir_module must be the outermost frame")
        builder.result = module


def module_frame(what: str) -> IRModuleFrame:
    """The enclosing `IRModuleFrame`; ``what`` names the caller in the error."""
    frame = IRBuilder.current().find_frame(IRModuleFrame)
    if frame is None:
        raise BuilderError(f"{what} must be inside an I.ir_module")
    return frame  # type: ignore[no-any-return]


def _func_struct_info(func: Node) -> Any:
    """The Relax struct info of a module function (a PrimFunc's as Relax sees it)."""
    from tvmscript.core.relax import analysis
    from tvmscript.core.relax.expr import Function
    from tvmscript.core.tir.function import PrimFunc

    if isinstance(func, Function):
        return analysis.func_struct_info(func)
    if isinstance(func, PrimFunc):
        return analysis.prim_func_struct_info(func)
    return None
