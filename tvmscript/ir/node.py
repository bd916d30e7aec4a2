"""The IR node base: immutable dataclasses with an optional source span.

Field metadata drives the generic structural equality and hashing (`ir.structural`):
``SEQ_IGNORE`` fields are not compared, ``SEQ_DEF`` fields bind variables (compared up to
renaming).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Final

from tvmscript.ir.span import Span

SEQ_IGNORE: Final = {"seq": "ignore"}  # not compared: spans, name hints
SEQ_DEF: Final = {"seq": "def"}  # binds a variable: compared up to renaming


@dataclass(frozen=True, slots=True, eq=False)
class Node:
    """Base of every IR node: immutable, compared by identity, optionally located."""

    span: Span | None = field(default=None, kw_only=True, compare=False, metadata=SEQ_IGNORE)


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
