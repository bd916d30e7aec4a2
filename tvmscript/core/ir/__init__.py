"""IR shared by the dialects: the node base, spans, dtypes, IRModule, targets, equality."""

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

__all__ = [
    "DataType",
    "GlobalVar",
    "IRModule",
    "Node",
    "Span",
    "Target",
    "assert_structural_equal",
    "structural_equal",
    "structural_hash",
]
