"""The IR node base: immutable dataclasses with an optional source span.

Field metadata drives the generic structural equality and hashing (`ir.structural`):
``SEQ_IGNORE`` fields are not compared, ``SEQ_DEF`` fields bind variables (compared up to
renaming).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Final

from tvmscript.core.ir.span import Span

SEQ_IGNORE: Final = {"seq": "ignore"}  # not compared: spans, name hints
SEQ_DEF: Final = {"seq": "def"}  # binds a variable: compared up to renaming

# The printer is a service of the layer above: the IR never imports it, it looks it up by name
# when a node is printed (TVM's `Object.script` calls its printer through the FFI registry).
_PRINTER_MODULE: Final = "tvmscript.script.printer"


@dataclass(frozen=True, slots=True, eq=False)
class Node:
    """Base of every IR node: immutable, compared by identity, optionally located."""

    span: Span | None = field(default=None, kw_only=True, compare=False, metadata=SEQ_IGNORE)

    seq_kind: ClassVar[str] = "tree"
    """How structural equality treats the class: ``"tree"`` (field by field), ``"var"``
    (through the variable renaming), ``"buffer"`` (every field a definition), ``"global_var"``
    (by name) or ``"module"`` (functions paired by name)."""

    def script(self, **options: Any) -> str:
        """This node as TVMScript text (free variables defined first, as TVM prints them).

        Options as ``tvmscript.script.printer.print_script``.
        """
        return importlib.import_module(_PRINTER_MODULE).print_script(self, **options)  # type: ignore[no-any-return]

    def show(self, **options: Any) -> None:
        """Print `script` to the terminal, highlighted when Pygments is available."""
        importlib.import_module(_PRINTER_MODULE).show(self, **options)


_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def node_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """``(name, seq-kind)`` for each field of node class ``cls`` ("" for plain fields)."""
    if (known := _FIELDS.get(cls)) is None:
        known = _FIELDS[cls] = tuple((f.name, f.metadata.get("seq", "")) for f in fields(cls))
    return known


def replace_fields(node: Any, **changes: object) -> Any:
    """Like `dataclasses.replace`, without re-running ``__post_init__`` validation twice."""
    cls = type(node)
    values = {name: getattr(node, name) for name, _ in node_fields(cls)}
    values.update(changes)
    span = values.pop("span")
    return cls(**values, span=span)
