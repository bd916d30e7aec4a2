"""IRModule and GlobalVar."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tvmscript.core.ir.node import SEQ_IGNORE, Node


@dataclass(frozen=True, slots=True, eq=False)
class GlobalVar(Node):
    """The name of a function in an `IRModule`."""

    seq_kind: ClassVar[str] = "global_var"

    name_hint: str = field(metadata=SEQ_IGNORE)
    struct_info: Any = field(default=None, kw_only=True, compare=False, metadata=SEQ_IGNORE)
    """The function's Relax struct info once known (a `FuncStructInfo`; derived data)."""

    def __repr__(self) -> str:
        return f"GlobalVar({self.name_hint!r})"


@dataclass(frozen=True, slots=True, eq=False)
class IRModule(Node):
    """A set of named functions (PrimFuncs and Relax functions) plus module attributes."""

    seq_kind: ClassVar[str] = "module"

    functions: Mapping[GlobalVar, Node]
    """Each function, keyed by its `GlobalVar` (in definition order)."""
    attrs: Mapping[str, Any] = field(default_factory=dict)
    """Module attributes (``I.module_attrs``)."""
    global_infos: Mapping[str, Any] = field(default_factory=dict)
    """Module-level information (``I.module_global_infos``)."""

    def get_global_var(self, name: str) -> GlobalVar:
        """The `GlobalVar` named ``name``; raises `KeyError` when absent."""
        for gv in self.functions:
            if gv.name_hint == name:
                return gv
        raise KeyError(f"no function named '{name}' in the module")

    def __getitem__(self, name: str | GlobalVar) -> Node:
        gv = name if isinstance(name, GlobalVar) else self.get_global_var(name)
        return self.functions[gv]

    def __contains__(self, name: object) -> bool:
        return any(gv.name_hint == name or gv is name for gv in self.functions)

    def __iter__(self) -> Iterator[GlobalVar]:
        return iter(self.functions)

    def __len__(self) -> int:
        return len(self.functions)

    def items(self) -> list[tuple[GlobalVar, Node]]:
        """``(GlobalVar, function)`` pairs in definition order."""
        return list(self.functions.items())

    __hash__ = object.__hash__
