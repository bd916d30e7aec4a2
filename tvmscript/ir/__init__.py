"""Module-level IR and the ``I`` namespace of TVMScript (``from tvmscript import ir as I``).

IRModule, GlobalVar, spans, dtypes and structural equality live here too.
"""

from tvmscript.ir.dtype import DataType
from tvmscript.ir.module import GlobalVar, IRModule
from tvmscript.ir.node import Node
from tvmscript.ir.span import Span
from tvmscript.ir.structural import (
    assert_structural_equal,
    structural_equal,
    structural_hash,
)
from tvmscript.script.ir_builder.ir import (
    decl_function,
    def_function,
    lookup_name,
    meta_var,
    module_attrs,
    module_get_attr,
    module_global_infos,
    module_set_attr,
)

__all__ = [
    "DataType",
    "GlobalVar",
    "IRModule",
    "Node",
    "Span",
    "assert_structural_equal",
    "decl_function",
    "def_function",
    "ir_module",
    "lookup_name",
    "meta_var",
    "module_attrs",
    "module_get_attr",
    "module_global_infos",
    "module_set_attr",
    "structural_equal",
    "structural_hash",
]


def __getattr__(name: str) -> object:
    # `I.ir_module` is the parser's decorator; imported lazily so this package loads first.
    if name == "ir_module":
        from tvmscript.script.parser.ir.entry import ir_module

        return ir_module
    raise AttributeError(f"module 'tvmscript.ir' has no attribute {name!r}")
