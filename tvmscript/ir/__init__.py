"""Module-level IR (IRModule, GlobalVar, spans, dtypes, structural equality) and the ``I``
namespace of TVMScript (``from tvmscript import ir as I``)."""

from tvmscript.ir.dtype import DataType
from tvmscript.ir.module import GlobalVar, IRModule
from tvmscript.ir.node import Node
from tvmscript.ir.span import Span
from tvmscript.ir.structural import (
    assert_structural_equal,
    structural_equal,
    structural_hash,
)

__all__ = [
    "DataType",
    "GlobalVar",
    "IRModule",
    "Node",
    "Span",
    "assert_structural_equal",
    "structural_equal",
    "structural_hash",
]
