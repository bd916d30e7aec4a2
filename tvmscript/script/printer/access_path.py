"""Access paths: where in the IR a doc came from (``root.body.seq[2].value``).

Paths are built only when asked for (``print_script(..., source_paths=True)``); otherwise the
printers thread `NULL_PATH`, whose steps return itself and allocate nothing.
"""

from __future__ import annotations


class AccessPath:
    """A path from the printed root to one IR object, built one step at a time."""

    __slots__ = ("key", "parent")

    def __init__(self, parent: AccessPath | None, key: str | int | object) -> None:
        self.parent = parent
        self.key = key

    @staticmethod
    def root() -> AccessPath:
        """The path of the printed object itself."""
        return _ROOT

    def attr(self, name: str) -> AccessPath:
        """The path of field ``name``."""
        return AccessPath(self, name)

    def index(self, i: int) -> AccessPath:
        """The path of element ``i`` of a sequence."""
        return AccessPath(self, i)

    def map_item(self, key: object) -> AccessPath:
        """The path of the value under ``key`` in a mapping."""
        return AccessPath(self, _MapKey(key))

    def steps(self) -> list[str | int | object]:
        """The keys from the root to here."""
        out: list[str | int | object] = []
        node: AccessPath | None = self
        while node is not None and node.parent is not None:
            out.append(node.key)
            node = node.parent
        out.reverse()
        return out

    def is_prefix_of(self, other: AccessPath) -> bool:
        """Whether ``other`` is this path or lies below it."""
        mine, theirs = self.steps(), other.steps()
        return theirs[: len(mine)] == mine

    def __repr__(self) -> str:
        parts = ["<root>"]
        for key in self.steps():
            if isinstance(key, str):
                parts.append(f".{key}")
            elif isinstance(key, _MapKey):
                parts.append(f"[{key.key!r}]")
            else:
                parts.append(f"[{key}]")
        return "".join(parts)


class _MapKey:
    __slots__ = ("key",)

    def __init__(self, key: object) -> None:
        self.key = key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _MapKey) and other.key is self.key

    def __hash__(self) -> int:
        return id(self.key)


class _NullPath(AccessPath):
    """A path that records nothing (printing without source paths)."""

    __slots__ = ()

    def attr(self, name: str) -> AccessPath:
        return self

    def index(self, i: int) -> AccessPath:
        return self

    def map_item(self, key: object) -> AccessPath:
        return self


_ROOT = AccessPath(None, "")
NULL_PATH: AccessPath = _NullPath(None, "")
