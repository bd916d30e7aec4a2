"""The IRModule builder (the ``I`` namespace's builder functions)."""

from tvmscript.script.ir_builder.ir.frames import IRModuleFrame
from tvmscript.script.ir_builder.ir.ir import (
    decl_function,
    def_function,
    dummy_global_info,
    ir_module,
    lookup_name,
    lookup_vdevice,
    meta_var,
    module_attrs,
    module_get_attr,
    module_global_infos,
    module_set_attr,
    vdevice,
)

__all__ = [
    "IRModuleFrame",
    "decl_function",
    "def_function",
    "dummy_global_info",
    "ir_module",
    "lookup_name",
    "lookup_vdevice",
    "meta_var",
    "module_attrs",
    "module_get_attr",
    "module_global_infos",
    "module_set_attr",
    "vdevice",
]
