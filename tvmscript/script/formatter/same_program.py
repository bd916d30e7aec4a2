"""Whether two texts are the same Python program: equal syntax trees, as black checks it.

Positions are not compared, nor the layout of standalone strings (docstrings: ruff re-indents
them and strips trailing blanks; black's check folds them the same way). The TVMScript parser
reads nothing of a definition but its syntax tree, so equal trees parse to structurally equal
IR: this is the cheap form of "the re-parse is structurally equal".
"""

from __future__ import annotations

import ast
import gc
from collections.abc import Iterator
from contextlib import contextmanager


def parse(text: str) -> ast.Module | SyntaxError:
    """The syntax tree of ``text``, or why it is not Python."""
    try:
        with _no_collection():
            return ast.parse(text)
    except SyntaxError as exc:
        return exc
    except (ValueError, MemoryError, RecursionError) as exc:  # NUL bytes, absurd nesting
        return SyntaxError(str(exc))


def same_tree(a: ast.AST, b: ast.AST) -> bool:
    """Whether ``a`` and ``b`` are equal but for positions and docstring layout."""
    with _no_collection():
        return _same(a, b)


def _same(a: ast.AST, b: ast.AST) -> bool:
    stack: list[tuple[object, object]] = [(a, b)]
    while stack:
        x, y = stack.pop()
        if type(x) is not type(y):
            return False
        if isinstance(x, ast.AST):
            if isinstance(x, ast.Expr) and _is_string(x.value):
                if _folded(x.value) != _folded(y.value):  # type: ignore[attr-defined]
                    return False
                continue
            for name in x._fields:
                if name == "kind" and isinstance(x, ast.Constant):
                    continue  # a `u` prefix is dropped by layout
                stack.append((getattr(x, name, None), getattr(y, name, None)))
        elif isinstance(x, list):
            assert isinstance(y, list)
            if len(x) != len(y):
                return False
            stack.extend(zip(x, y, strict=True))
        elif x != y:
            return False
    return True


def _is_string(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _folded(node: object) -> str | None:
    """A standalone string's lines, stripped (black's ``_normalize``)."""
    if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
        return None
    return "\n".join(line.strip() for line in node.value.splitlines()).strip()


@contextmanager
def _no_collection() -> Iterator[None]:
    """No garbage collection meanwhile.

    A syntax tree is many small acyclic objects: a collection pass over the long-lived objects
    of a server in the middle of making one costs more than it frees.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
