"""The IRModule builder (the ``I`` namespace's builder functions)."""

from tvmscript.script.ir_builder.ir.frames import IRModuleFrame
from tvmscript.script.ir_builder.ir.ir import (
    decl_function,
    def_function,
    ir_module,
    lookup_name,
    meta_var,
    module_attrs,
    module_get_attr,
    module_global_infos,
    module_set_attr,
)

__all__ = [
    "IRModuleFrame",
    "decl_function",
    "def_function",
    "ir_module",
    "lookup_name",
    "meta_var",
    "module_attrs",
    "module_get_attr",
    "module_global_infos",
    "module_set_attr",
]
