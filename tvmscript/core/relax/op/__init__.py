r"""Relax operators: constructors with TVM's signatures, and their struct-info inference.

The top-level names are the ``R.*`` operators (``__all__``); the sub-namespaces are modules:
`nn` (``R.nn``), `image`, `vision`, `builtin`, `memory`, `vm`, `ccl`, `grad`, `dist`.

Each constructor builds a `Call` whose ``attrs`` hold TVM's attributes in TVM's declaration
order, already normalised (``padding`` expanded, ``out_layout`` defaulted, axes as int
tuples), as plain values: ``int``/``float``/``bool``/``str``/``None``, tuples of ints (printed
as lists), TIR constants (``roi``, ``scale``: printed ``T.float32(0.5)``), a `VDevice`, an
`IndexMap` or a dict. Arguments TVM passes as Relax values (``R.clip``'s bounds, ``R.tril``'s
``k``, ``R.strided_slice``'s axes and bounds) are `PrimValue`\ s and `Tuple`\ s of them.
"""

from tvmscript.core.relax.op import (
    binary,
    call,
    creation,
    datatype,
    index,
    join,
    layout,
    linear_algebra,
    manipulation,
    misc,
    qdq,
    reduction,
    search,
    shape_ops,
    unary,
)
from tvmscript.core.relax.op import builtin as builtin
from tvmscript.core.relax.op import ccl as ccl
from tvmscript.core.relax.op import dist as dist
from tvmscript.core.relax.op import grad as grad
from tvmscript.core.relax.op import image as image
from tvmscript.core.relax.op import memory as memory
from tvmscript.core.relax.op import nn as nn
from tvmscript.core.relax.op import vision as vision
from tvmscript.core.relax.op import vm as vm
from tvmscript.core.relax.op.binary import *  # noqa: F403
from tvmscript.core.relax.op.call import *  # noqa: F403
from tvmscript.core.relax.op.creation import *  # noqa: F403
from tvmscript.core.relax.op.datatype import *  # noqa: F403
from tvmscript.core.relax.op.index import *  # noqa: F403
from tvmscript.core.relax.op.join import *  # noqa: F403
from tvmscript.core.relax.op.layout import *  # noqa: F403
from tvmscript.core.relax.op.linear_algebra import *  # noqa: F403
from tvmscript.core.relax.op.manipulation import *  # noqa: F403
from tvmscript.core.relax.op.misc import *  # noqa: F403
from tvmscript.core.relax.op.qdq import *  # noqa: F403
from tvmscript.core.relax.op.reduction import *  # noqa: F403
from tvmscript.core.relax.op.search import *  # noqa: F403
from tvmscript.core.relax.op.shape_ops import *  # noqa: F403
from tvmscript.core.relax.op.unary import *  # noqa: F403

_FAMILIES = (
    binary, call, creation, datatype, index, join, layout, linear_algebra, manipulation, misc,
    qdq, reduction, search, shape_ops, unary,
)  # fmt: skip
__all__ = sorted({name for family in _FAMILIES for name in family.__all__})
