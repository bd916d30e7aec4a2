"""Meta-programming names of ``T``: ``T.constexpr``, ``T.Optional``, ``T.meta_class``, ...

``T.constexpr`` and ``T.Optional`` annotate ``@T.jit`` kernel parameters (a value given to
``.specialize(...)``, a buffer that may be left out); the other names are the small helpers
TVM 0.27 scripts reach through ``T``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from tvmscript.core.tir.expr import PrimExpr, TupleType, Type, Var
from tvmscript.core.tir.index_map import IndexMap

_C = TypeVar("_C", bound=type)


class ConstexprAnnotation:
    """``N: T.constexpr``: a ``@T.jit`` parameter whose value ``.specialize(N=...)`` gives."""

    def __or__(self, other: Any) -> ConstexprAnnotation:
        return self

    def __ror__(self, other: Any) -> ConstexprAnnotation:
        return self

    def __getitem__(self, item: Any) -> ConstexprAnnotation:
        return self

    def __repr__(self) -> str:
        return "T.constexpr"


constexpr = ConstexprAnnotation()


@dataclass(frozen=True)
class OptionalAnnotation:
    """``T.Optional(T.Buffer(...))``: a ``@T.jit`` buffer parameter that may be ``None``."""

    annotation: Any


class OptionalProxy:
    """``T.Optional(annotation)``."""

    def __call__(self, annotation: Any) -> OptionalAnnotation:
        return OptionalAnnotation(annotation)

    def __getitem__(self, annotation: Any) -> OptionalAnnotation:
        return OptionalAnnotation(annotation)

    def __repr__(self) -> str:
        return "T.Optional"


Optional = OptionalProxy()


def meta_class(cls: _C) -> _C:
    """Mark ``cls`` as a class whose instances a TVMScript body may use (by their fields)."""
    cls._is_meta_class = True  # type: ignore[attr-defined]
    return cls


_SCRIPT_NAMESPACES: dict[str, object] = {}


def register_script_namespace(name: str, namespace: object) -> object:
    """Make ``namespace`` reachable as ``T.<name>`` (an extension's intrinsics)."""
    _SCRIPT_NAMESPACES[name] = namespace
    return namespace


def Tuple(*fields: Any) -> TupleType:
    """A tuple type: ``T.Tuple(T.int32, T.float32)`` (a return type of several values)."""
    out: list[Type] = []
    for f in fields:
        if callable(f) and not isinstance(f, PrimExpr):
            f = f()
        if isinstance(f, Var):
            f = f.ty
        if not isinstance(f, Type):
            raise TypeError(f"T.Tuple expects types such as T.int32, got {f!r}")
        out.append(f)
    return TupleType(tuple(out))


def index_map(
    mapping: Callable[..., Any],
    *,
    inverse_index_map: Callable[..., Any] | None = None,
    index_dtype: str = "int64",
) -> IndexMap:
    """An index map from a function of the indices: ``T.index_map(lambda i, j: (j, i))``."""
    del inverse_index_map  # TVM derives the inverse when it is needed
    names = list(inspect.signature(mapping).parameters)
    indices = tuple(Var(n, index_dtype) for n in names)
    result = mapping(*indices)
    final = tuple(result) if isinstance(result, tuple | list) else (result,)
    return IndexMap(indices, tuple(final))


__all__ = [
    "ConstexprAnnotation",
    "Optional",
    "OptionalAnnotation",
    "Tuple",
    "constexpr",
    "index_map",
    "meta_class",
    "register_script_namespace",
]
