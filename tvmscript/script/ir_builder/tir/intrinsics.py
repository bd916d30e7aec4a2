"""Intrinsic functions made from tables: one `IntrinsicSpec` per ``T.cuda.warp_sync``-like name.

A spec gives the name, TVM's parameter list (``"value, width=32"``), the operator, the result
dtype (a dtype, ``"void"``, or ``"@value"``: the dtype of that argument) and a docstring of our
own. `make_intrinsic` turns it into a function with that exact signature, which builds
``Call(dtype, op, arguments)``; an `IntrinsicNamespace` (``T.cuda``) holds such functions.

As TVM's builder does, every intrinsic ignores a ``dtype=`` keyword it does not declare
(`drops_dtype`), and a few take it as their first argument (`dtype_first`).
"""

from __future__ import annotations

import ast
import functools
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from tvmscript.core.tir import arith
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import PrimExpr
from tvmscript.core.tir.op import call_intrin

_F = TypeVar("_F", bound=Callable[..., Any])
Builder = Callable[[dict[str, Any]], tuple[str, list[Any]]]
"""A custom argument rule: the bound arguments -> (result dtype, call arguments)."""


@dataclass(frozen=True, slots=True)
class IntrinsicSpec:
    """One intrinsic of a table (see the module docstring)."""

    name: str
    params: str
    op: str
    dtype: str
    doc: str
    build: Builder | None = None
    forward_dtype: bool = False
    """Whether ``dtype=`` is prepended to the positional arguments (TVM's ``_dtype_forward``)."""


def drops_dtype(fn: _F) -> _F:
    """``fn`` accepting (and ignoring) a ``dtype=`` keyword, as TVM's ``T.*`` intrinsics do."""

    @functools.wraps(fn)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        kwargs.pop("dtype", None)
        return fn(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def dtype_first(fn: _F) -> _F:
    """``fn`` taking ``dtype=`` as its first argument (``T.call_extern(..., dtype="float32")``)."""

    @functools.wraps(fn)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if "dtype" in kwargs:
            args = (kwargs.pop("dtype"), *args)
        return fn(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def signature_of(params: str) -> inspect.Signature:
    """The `inspect.Signature` of a parameter list written as Python (``"a, b=1, *c"``)."""
    tree = ast.parse(f"def f({params}): pass").body[0]
    assert isinstance(tree, ast.FunctionDef)
    args = tree.args
    out: list[inspect.Parameter] = []
    positional = [*args.posonlyargs, *args.args]
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    for arg, default in zip(positional, defaults, strict=True):
        out.append(_param(arg.arg, kind, default))
    if args.vararg is not None:
        out.append(_param(args.vararg.arg, inspect.Parameter.VAR_POSITIONAL, None))
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        out.append(_param(arg.arg, inspect.Parameter.KEYWORD_ONLY, kw_default))
    if args.kwarg is not None:
        out.append(_param(args.kwarg.arg, inspect.Parameter.VAR_KEYWORD, None))
    return inspect.Signature(out, return_annotation=PrimExpr)


def _param(name: str, kind: inspect._ParameterKind, default: ast.expr | None) -> inspect.Parameter:
    value = inspect.Parameter.empty if default is None else ast.literal_eval(default)
    return inspect.Parameter(name, kind, default=value, annotation=Any)


def scalar_of(value: Any) -> Any:
    """A one-element buffer passed where a value is wanted reads as its element."""
    if isinstance(value, Buffer) and value.layout == "scalar":
        return value.scalar_value()
    return value


def make_intrinsic(spec: IntrinsicSpec, owner: str) -> Callable[..., PrimExpr]:
    """The function of ``spec`` (``owner``: its namespace, e.g. ``"T.cuda"``)."""
    sig = signature_of(spec.params)
    takes_dtype = "dtype" in sig.parameters

    def intrinsic(*args: Any, **kwargs: Any) -> PrimExpr:
        if spec.forward_dtype and "dtype" in kwargs:
            args = (kwargs.pop("dtype"), *args)
        elif not takes_dtype:
            kwargs.pop("dtype", None)
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        if spec.build is not None:
            dtype, values = spec.build(dict(bound.arguments))
        else:
            values = _flatten(sig, bound.arguments)
            dtype = _result_dtype(spec.dtype, bound.arguments)
        return call_intrin(dtype, spec.op, *values)

    intrinsic.__name__ = spec.name
    intrinsic.__qualname__ = f"{owner}.{spec.name}"
    intrinsic.__doc__ = spec.doc
    intrinsic.__signature__ = sig  # type: ignore[attr-defined]
    return intrinsic


def _flatten(sig: inspect.Signature, arguments: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    for name, param in sig.parameters.items():
        value = arguments.get(name)
        if param.kind is inspect.Parameter.VAR_POSITIONAL:
            out.extend(value or ())
        elif param.kind is not inspect.Parameter.VAR_KEYWORD:
            out.append(value)
    return out


def _result_dtype(rule: str, arguments: dict[str, Any]) -> str:
    if not rule.startswith("@"):
        return rule
    value = arith.as_expr(scalar_of(arguments[rule[1:]]))
    return value.dtype


def dtype_of(value: Any) -> str:
    """The dtype of an argument (a one-element buffer: its element's)."""
    return arith.as_expr(scalar_of(value)).dtype


class IntrinsicNamespace:
    """A ``T.<name>`` namespace of intrinsics (``T.cuda``, ``T.nvshmem``, ...)."""

    _is_namespace = True

    def __init__(self, name: str, doc: str, members: dict[str, Any]) -> None:
        self.__name__ = name
        self.__doc__ = doc
        self._members = dict(members)
        for key, value in members.items():
            setattr(self, key, value)

    def __dir__(self) -> Iterable[str]:
        return sorted(self._members)

    def members(self) -> dict[str, Any]:
        """The namespace's names and values (for the stubs and the editor)."""
        return dict(self._members)

    def __repr__(self) -> str:
        return f"<namespace {self.__name__}>"


def namespace(name: str, doc: str, specs: Iterable[IntrinsicSpec], **extra: Any) -> Any:
    """An `IntrinsicNamespace` of ``specs`` (plus ``extra`` members: sub-namespaces, ...)."""
    members: dict[str, Any] = {s.name: make_intrinsic(s, name) for s in specs}
    members.update(extra)
    return IntrinsicNamespace(name, doc, members)
