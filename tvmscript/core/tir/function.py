"""PrimFunc: a TIR function."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tvmscript.core.ir.node import SEQ_DEF, Node
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import Type, Var
from tvmscript.core.tir.stmt import Stmt


@dataclass(frozen=True, slots=True, eq=False)
class PrimFunc(Node):
    """A TIR function: parameters, the buffers they are matched to, a body and attributes."""

    params: tuple[Var, ...] = field(metadata=SEQ_DEF)
    """Parameters: handles (matched to buffers through ``buffer_map``) or scalars."""
    body: Stmt
    """The function body."""
    buffer_map: Mapping[Var, Buffer] = field(default_factory=dict, metadata=SEQ_DEF)
    """The buffer each handle parameter is matched to."""
    ret_type: Type | None = None
    """The return type (``None``: void)."""
    attrs: Mapping[str, Any] = field(default_factory=dict)
    """Function attributes (``T.func_attr``; ``global_symbol`` inside a module)."""
    private: bool = False
    """Whether the function is private to its module (no ``global_symbol``)."""

    def with_attr(self, key: str, value: Any) -> PrimFunc:
        """A copy with attribute ``key`` set to ``value``."""
        from tvmscript.core.ir.node import replace_fields

        return replace_fields(self, attrs={**self.attrs, key: value})  # type: ignore[no-any-return]
