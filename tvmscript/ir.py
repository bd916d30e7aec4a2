"""The ``I`` namespace of TVMScript (``from tvmscript import ir as I``).

A thin module: the IRModule builder's functions and the ``@I.ir_module`` decorator, plus the
IR classes and structural equality of `tvmscript.core.ir` that users reach as ``tvmscript.ir``.
"""

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.ir.node import Node
from tvmscript.core.ir.span import Span
from tvmscript.core.ir.structural import (
    assert_structural_equal,
    structural_equal,
    structural_hash,
)
from tvmscript.core.ir.target import Target
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
from tvmscript.script.parser.ir.entry import ir_module

__all__ = [
    "DataType",
    "GlobalVar",
    "IRModule",
    "Node",
    "Span",
    "Target",
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
