"""The parser's symbol table: scoped frames, most recent binding wins (shadowing)."""

from __future__ import annotations

from typing import Any

from tvmscript.script.parser.core.poison import POISON


class VarTable:
    """Names bound by the script, in a stack of scopes."""

    def __init__(self) -> None:
        self.frames: list[set[str]] = [set()]
        self.name2value: dict[str, list[Any]] = {}
        self.poisoned = False
        """Whether a name was ever bound to the error marker (then values need checking)."""

    def with_frame(self) -> _Scope:
        """A scope: bindings made inside are removed on exit."""
        return _Scope(self)

    def push_frame(self) -> None:
        """Open a scope (pair with `pop_frame`)."""
        self.frames.append(set())

    def pop_frame(self) -> None:
        """Close the innermost scope, removing its bindings."""
        for name in self.frames.pop():
            stack = self.name2value[name]
            stack.pop()
            if not stack:
                del self.name2value[name]

    def add(self, name: str, value: Any, allow_shadowing: bool = True) -> None:
        """Bind ``name`` in the innermost scope (rebinding in the same scope replaces)."""
        if value is POISON:
            self.poisoned = True
        frame = self.frames[-1]
        if name in frame:
            self.name2value[name][-1] = value
            return
        if not allow_shadowing and name in self.name2value:
            raise KeyError(f"'{name}' is already defined")
        frame.add(name)
        self.name2value.setdefault(name, []).append(value)

    def get(self, name: str, default: Any = None) -> Any:
        """The innermost value of ``name``, or ``default``."""
        stack = self.name2value.get(name)
        return stack[-1] if stack else default

    def exist(self, name: str) -> bool:
        """Whether ``name`` is bound."""
        return name in self.name2value

    def names(self) -> list[str]:
        """Every bound name."""
        return list(self.name2value)


class _Scope:
    """``with var_table.with_frame():`` (a class, not a generator: it is on the hot path)."""

    __slots__ = ("table",)

    def __init__(self, table: VarTable) -> None:
        self.table = table

    def __enter__(self) -> None:
        self.table.push_frame()

    def __exit__(self, *_: object) -> None:
        self.table.pop_frame()
