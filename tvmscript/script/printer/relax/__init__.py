"""The Relax printer: TVM 0.27's text of Relax functions, bindings and struct info.

Printers are registered under `Token.RELAX` (pushed inside a Relax function) or the default
token (Relax nodes print the same anywhere). TIR expressions inside Relax print with the TIR
printer, except that integers are bare and variables are defined as TVM does: in a signature as
module-level type variables (``n = TypeVar("n")``, a compound dimension as a string
``"n * 2"``), in a body at the top of the function (``n = T.int64()``).

Deliberate differences from TVM 0.27's text (only for IR that TVM 0.27 cannot express or does
not print back faithfully):

- Struct info follows this project's IR, TVM's older one: an ``R.Object`` value prints as
  TVM 0.27's ``R.Any``; a known scalar value (``PrimStructInfo.value``) prints as its dtype
  only (``T.int64``), as TVM 0.27 has no such annotation; a string value's variable is
  annotated ``R.Any`` where TVM 0.27 has ``I.StringType()``.
- A ``PrimValue`` prints as its bare expression (TVM 0.27 has no ``PrimValue`` node).
- ``R.call_tir`` with a third argument (older TVM's ``tir_vars``) prints it as
  ``tir_vars=...``; TVM 0.27's ``R.call_tir`` has none.
- Integers other than ``int64`` inside a compound TIR expression used by Relax print typed
  (``T.int32(1)``), where TVM prints them bare.
"""

from __future__ import annotations

from tvmscript.core.ir.node import Node
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import StructInfo
from tvmscript.script.printer.relax import binding as _binding  # noqa: F401  (registers printers)
from tvmscript.script.printer.relax import call as _call  # noqa: F401  (registers printers)
from tvmscript.script.printer.relax import expr as _expr  # noqa: F401  (registers printers)
from tvmscript.script.printer.relax import function as _function  # noqa: F401  (registers)
from tvmscript.script.printer.relax import struct_info as _struct_info  # noqa: F401  (registers)
from tvmscript.script.printer.relax.utils import TOKEN, RelaxFrame

__all__ = ["TOKEN", "RelaxFrame", "is_relax_fragment"]

_RELAX_NODES = (rx.Expr, rx.Binding, rx.BindingBlock, StructInfo)


def is_relax_fragment(obj: object) -> bool:
    """Whether ``obj`` is a piece of Relax IR (printed under the Relax token)."""
    return isinstance(obj, Node) and isinstance(obj, _RELAX_NODES)
