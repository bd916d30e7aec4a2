"""`Pattern` to checker closures: argument checks, ``R.match_cast`` and result checks.

A checker takes a value, the register file and a list of pending equality checks; it binds
the symbolic dimensions the pattern defines, queues the dimensions it can only compare once
the whole check has bound its variables, and returns the value (made a C-contiguous array
when converting arguments from Python). Every failure is a `ValueError` naming the value
and saying what was expected and what came.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from tvmscript.runtime.vm.exprs import Eval, Regs, SExpr, describe, evaluator, is_const
from tvmscript.runtime.vm.program import (
    AnyPat,
    Dim,
    FuncPat,
    Pattern,
    PrimPat,
    ShapePat,
    TensorPat,
    TuplePat,
)
from tvmscript.runtime.vm.values import ShapeTuple, dtype_ok, numpy_dtype


@dataclass(frozen=True)
class Pending:
    """A dimension compared after the check's bindings: ``actual`` must equal ``expected``."""

    actual: int
    expected: Eval
    sexpr: SExpr
    where: str
    what: str
    shown: object
    """The whole value's shape, for the message."""


Checker = Callable[[Any, Regs, list[Pending]], Any]


@dataclass(frozen=True)
class Naming:
    """How registers are named in messages, and where each symbolic dim was defined."""

    names: Mapping[int, str]
    origins: Mapping[int, tuple[str, int, int]]
    """dim register -> (where, value register, axis) of its definition."""


def _shape_text(shape: tuple[int, ...]) -> str:
    return f"({shape[0]},)" if len(shape) == 1 else f"({', '.join(map(str, shape))})"


def _origin(sexpr: SExpr, regs: Regs, naming: Naming) -> str:
    notes = []
    for reg in sorted(_dim_regs(sexpr)):
        if (origin := naming.origins.get(reg)) is None:
            continue
        where, src, axis = origin
        value = regs[src]
        shape = f", shape {_shape_text(value.shape)}" if isinstance(value, np.ndarray) else ""
        name = naming.names.get(reg, "?")
        notes.append(f"'{name}' = {regs[reg]} from dimension {axis} of {where}{shape}")
    return f" ({'; '.join(notes)})" if notes else ""


def _dim_regs(s: Any) -> set[int]:
    if isinstance(s, tuple):
        if s and s[0] == "r":
            return {int(s[1])}
        out: set[int] = set()
        for part in s[1:]:
            out |= _dim_regs(part)
        return out
    return set()


def run_pending(pending: list[Pending], regs: Regs, naming: Naming) -> None:
    """Compare the queued dimensions (raises `ValueError` on the first mismatch)."""
    for p in pending:
        expected = p.expected(regs)
        if expected == p.actual:
            continue
        text = describe(p.sexpr, naming.names)
        value = text if text == str(expected) else f"{text} = {expected}"
        raise ValueError(
            f"{p.where} has {p.shown}, but {p.what} must be {value}, got {p.actual}"
            + _origin(p.sexpr, regs, naming)
        )


def _type_name(value: object) -> str:
    return type(value).__name__


class CheckerBuilder:
    """Builds checkers; ``strict``: only numpy arrays are tensors (arguments from Python).

    Not strict (results of Python functions): array-likes are converted with `numpy.asarray`.
    Either way, an array that is not C-contiguous is copied into one that is.
    """

    def __init__(self, naming: Naming, strict: bool) -> None:
        self.naming = naming
        self.strict = strict

    def build(self, p: Pattern, where: str) -> Checker | None:
        """The checker of ``p`` (None: every value matches)."""
        match p:
            case AnyPat():
                return None
            case TensorPat():
                return self.tensor(p, where)
            case ShapePat():
                return self.shape(p, where)
            case PrimPat():
                return self.prim(p, where)
            case TuplePat():
                return self.tuple(p, where)
            case FuncPat():
                return self.func(p, where)
        return None

    def tensor(self, p: TensorPat, where: str) -> Checker:
        dt = numpy_dtype(p.dtype) if p.dtype is not None else None
        dims = p.dims or ()
        static = _static_shape(dims)
        binds = [(k, int(d[1])) for k, d in enumerate(dims) if d[0] == "bind"]
        eqs = [(k, d[1], evaluator(d[1])) for k, d in enumerate(dims) if d[0] == "eq"]
        ndim = p.ndim
        slow = self.tensor_failure(p, where)

        def check(value: Any, regs: Regs, pending: list[Pending]) -> Any:
            if not isinstance(value, np.ndarray) or (dt is not None and value.dtype != dt):
                value = slow(value)
            shape = value.shape
            if static is not None:
                if shape != static:
                    slow(value)
            elif ndim >= 0 and len(shape) != ndim:
                slow(value)
            for k, reg in binds:
                regs[reg] = shape[k]
            for k, s, ev in eqs:
                if is_const(s):
                    if shape[k] != s:
                        slow(value)
                    continue
                pending.append(
                    Pending(shape[k], ev, s, where, f"dimension {k}", f"shape {_shape_text(shape)}")
                )
            if not value.flags.c_contiguous or not value.flags.aligned:
                value = np.ascontiguousarray(value)
                if not value.flags.aligned:
                    value = value.copy()
            return value

        return check

    def tensor_failure(self, p: TensorPat, where: str) -> Callable[[Any], Any]:
        """Explains why ``value`` is not an array of ``p`` (or converts it when it is one)."""
        strict = self.strict

        def fail(value: Any) -> Any:
            if not isinstance(value, np.ndarray):
                if isinstance(value, np.generic):
                    return fail(np.asarray(value))
                if not strict and _array_like(value):
                    dt = numpy_dtype(p.dtype) if p.dtype is not None else None
                    return fail(np.asarray(value, dtype=dt))
                raise ValueError(
                    f"{where} must be a numpy.ndarray ({p.text}), got {_type_name(value)}"
                )
            if p.dtype is not None and not dtype_ok(value, p.dtype):
                raise ValueError(f"{where} must have dtype {p.dtype} ({p.text}), got {value.dtype}")
            if p.ndim >= 0 and value.ndim != p.ndim:
                plural = "s" if p.ndim != 1 else ""
                raise ValueError(
                    f"{where} must have {p.ndim} dimension{plural} ({p.text}), "
                    f"got {value.ndim} (shape {_shape_text(value.shape)})"
                )
            for k, d in enumerate(p.dims or ()):
                if d[0] == "eq" and is_const(d[1]) and value.shape[k] != d[1]:
                    raise ValueError(
                        f"{where} must have shape {_expected(p)} ({p.text}), "
                        f"got {_shape_text(value.shape)}"
                    )
            return value

        return fail

    def shape(self, p: ShapePat, where: str) -> Checker:
        dims = p.dims
        ndim = p.ndim

        def check(value: Any, regs: Regs, pending: list[Pending]) -> Any:
            if isinstance(value, np.ndarray) and value.ndim == 1:
                value = tuple(int(v) for v in value)
            if not isinstance(value, tuple | list) or not all(
                isinstance(v, int | np.integer) for v in value
            ):
                raise ValueError(f"{where} must be a shape ({p.text}): a tuple of ints")
            value = ShapeTuple(int(v) for v in value)
            if ndim >= 0 and len(value) != ndim:
                raise ValueError(
                    f"{where} must be a shape of {ndim} values ({p.text}), got {value}"
                )
            for k, d in enumerate(dims or ()):
                _dim(d, value[k], regs, pending, where, f"value {k}", f"value {tuple(value)}")
            return value

        return check

    def prim(self, p: PrimPat, where: str) -> Checker:
        dtype = p.dtype
        dim = p.value

        def check(value: Any, regs: Regs, pending: list[Pending]) -> Any:
            value = _scalar(value, dtype, where, p.text)
            if dim is not None:
                _dim(dim, value, regs, pending, where, "its value", f"value {value}")
            return value

        return check

    def tuple(self, p: TuplePat, where: str) -> Checker:
        fields = [self.build(f, f"element {i} of {where}") for i, f in enumerate(p.fields)]
        n = len(fields)

        def check(value: Any, regs: Regs, pending: list[Pending]) -> Any:
            if n == 0 and value is None:
                return ()
            if not isinstance(value, tuple | list) or len(value) != n:
                got = f"{len(value)} elements" if isinstance(value, tuple | list) else None
                raise ValueError(
                    f"{where} must be a tuple of {n} element{'s' * (n != 1)} ({p.text}), "
                    f"got {got or _type_name(value)}"
                )
            out = []
            for field_check, item in zip(fields, value, strict=True):
                out.append(item if field_check is None else field_check(item, regs, pending))
            return tuple(out)

        return check

    def func(self, p: FuncPat, where: str) -> Checker:
        def check(value: Any, regs: Regs, pending: list[Pending]) -> Any:
            if not callable(value):
                raise ValueError(f"{where} must be a function ({p.text}), got {_type_name(value)}")
            return value

        return check


def _array_like(value: object) -> bool:
    return isinstance(value, np.generic | list | int | float | bool) or hasattr(value, "__array__")


def _static_shape(dims: tuple[Dim, ...]) -> tuple[int, ...] | None:
    if not dims or any(d[0] != "eq" or not isinstance(d[1], int) for d in dims):
        return None if dims else ()
    return tuple(int(d[1]) for d in dims)


def _expected(p: TensorPat) -> str:
    parts = []
    for d in p.dims or ():
        if d[0] == "eq" and is_const(d[1]):
            parts.append(str(d[1]))
        else:
            parts.append("?")
    return f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"


def _dim(
    d: Dim, actual: Any, regs: Regs, pending: list[Pending], where: str, what: str, shown: str
) -> None:
    if d[0] == "bind":
        regs[int(d[1])] = actual
    elif d[0] == "eq":
        if is_const(d[1]):
            if actual != d[1]:
                raise ValueError(f"{where} has {shown}, but {what} must be {d[1]}, got {actual}")
            return
        pending.append(Pending(actual, evaluator(d[1]), d[1], where, what, shown))


_SCALAR_KINDS: Final = {"bool": bool, "float": float, "bfloat": float, "int": int, "uint": int}


def _scalar(value: Any, dtype: str | None, where: str, text: str) -> Any:
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if dtype is None:
        return value
    kind = next((cls for prefix, cls in _SCALAR_KINDS.items() if dtype.startswith(prefix)), None)
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind is bool and isinstance(value, bool | int) and value in (0, 1):
        return bool(value)
    if kind is None:
        return value
    raise ValueError(f"{where} must be a {dtype} scalar ({text}), got {value!r}")
