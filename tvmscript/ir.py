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
from tvmscript.core.tir.expr import StringType
from tvmscript.script.ir_builder.ir import (
    decl_function,
    def_function,
    dummy_global_info,
    lookup_name,
    lookup_vdevice,
    meta_var,
    module_attrs,
    module_get_attr,
    module_global_infos,
    module_set_attr,
    vdevice,
)
from tvmscript.script.ir_builder.ir import frames as frame  # noqa: F401  (TVM's I.frame)
from tvmscript.script.ir_builder.ir import ir as ir
from tvmscript.script.ir_builder.ir_names import GenericConst, IRModuleFrame, StringImm
from tvmscript.script.ir_builder.tir.misc import Range
from tvmscript.script.parser import ir as parser  # noqa: F401  (TVM's I.parser)
from tvmscript.script.parser.ir import entry as entry
from tvmscript.script.parser.ir.entry import ir_module, pyfunc

__all__ = [
    "DataType",
    "GenericConst",
    "GlobalVar",
    "IRModule",
    "IRModuleFrame",
    "Node",
    "Range",
    "Span",
    "StringImm",
    "StringType",
    "Target",
    "assert_structural_equal",
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
    "pyfunc",
    "structural_equal",
    "structural_hash",
    "vdevice",
]
