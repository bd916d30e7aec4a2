"""Stub text for one function, one class or one value, from the live object."""

from __future__ import annotations

import enum
import inspect
import math
from collections.abc import Callable
from typing import Any, Final

from tvmscript.script.ir_builder.base import script_methods
from tvmscript.stubgen.rules import (
    EXTRA_BASES,
    EXTRA_MEMBERS,
    GENERIC_CLASSES,
    REPLACED_MEMBERS,
    widen_constructor,
)
from tvmscript.stubgen.types import TypeTable, is_enum

_INDENT: Final = "    "
_DUNDERS: Final = frozenset(
    {"__init__", "__call__", "__getitem__", "__setitem__", "__enter__", "__exit__", "__iter__"}
    | {"__len__", "__neg__", "__invert__", "__bool__", "__eq__", "__ne__", "__lt__", "__le__"}
    | {"__gt__", "__ge__", "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__"}
    | {"__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__"}
    | {"__pow__", "__rpow__", "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__"}
    | {"__lshift__", "__rlshift__", "__rshift__", "__rrshift__"}
)
_NOT_FIELDS: Final = ("ClassVar", "Final", "typing.ClassVar", "typing.Final")
_STARS: Final[dict[inspect._ParameterKind, str]] = {
    inspect.Parameter.VAR_POSITIONAL: "*",
    inspect.Parameter.VAR_KEYWORD: "**",
}
_STARRED: Final = frozenset({inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.KEYWORD_ONLY})
_SIMPLE_DEFAULTS: Final = (bool, int, float, str, type(None))


class Emitter:
    """Writes stub text for objects, spelling annotations through one `TypeTable`."""

    def __init__(self, table: TypeTable, prefix: str, shadowed: frozenset[str]) -> None:
        self.table = table
        self.prefix = prefix
        self.shadowed = shadowed

    def function(
        self,
        name: str,
        fn: Callable[..., Any],
        indent: str = "",
        *,
        doc: bool = True,
        as_method: bool = False,
    ) -> list[str]:
        """``def name(...) -> R:`` with ``fn``'s signature and docstring.

        ``as_method``: ``fn``'s first parameter is the object (a script method): ``self``.
        """
        module = getattr(fn, "__module__", None) or ""
        try:
            signature = inspect.signature(fn)
        except (TypeError, ValueError):
            return [f"{indent}def {name}(*args: Any, **kwargs: Any) -> Any: ..."]
        params = self.parameters(signature, module)
        if as_method and params:
            params[0] = "self"
        returns = signature.return_annotation
        ret = "Any" if returns is inspect.Signature.empty else self.ann(returns, module)
        head = f"{indent}def {name}({', '.join(params)}) -> {ret}:"
        text = inspect.getdoc(fn) if doc else None
        return [*([head + " ..."] if not text else [head, *docstring(text, indent + _INDENT)])]

    def parameters(self, signature: inspect.Signature, module: str) -> list[str]:
        """The parameter list of ``signature`` as stub text (``/`` and ``*`` markers kept)."""
        out: list[str] = []
        kinds = [p.kind for p in signature.parameters.values()]
        for k, param in enumerate(signature.parameters.values()):
            if param.kind is param.KEYWORD_ONLY and not _STARRED.intersection(kinds[:k]):
                out.append("*")
            star = _STARS.get(param.kind, "")
            text = star + param.name
            if param.annotation is not param.empty:
                text += ": " + self.ann(param.annotation, module)
            elif k > 0 or param.name not in ("self", "cls"):
                text += ": Any"
            if param.default is not param.empty:
                text += " = " + _default(param.default)
            out.append(text)
            if param.kind is param.POSITIONAL_ONLY and (
                k + 1 == len(kinds) or kinds[k + 1] is not param.POSITIONAL_ONLY
            ):
                out.append("/")
        return out

    def ann(self, annotation: object, module: str) -> str:
        """An annotation as stub text."""
        return self.table.format(annotation, module, self.prefix, self.shadowed)

    def klass(self, name: str, cls: type) -> list[str]:
        """``class name(Bases):`` with docstring, fields, methods and properties."""
        bases = [self._base(b) for b in cls.__bases__ if b is not object]
        bases += EXTRA_BASES.get(name, ())
        if (params := GENERIC_CLASSES.get(name)) is not None:
            bases.append(f"Generic[{params}]")
        head = f"class {name}({', '.join(bases)}):" if bases else f"class {name}:"
        body: list[str] = []
        if text := cls.__doc__ and inspect.cleandoc(cls.__doc__):
            body += docstring(text, _INDENT)
        if issubclass(cls, enum.Enum):
            body += [f"{_INDENT}{m.name} = {m.value!r}" for m in cls.__members__.values()]
            return [head, *(body or [f"{_INDENT}..."])]
        for field_name, annotation in vars(cls).get("__annotations__", {}).items():
            if not field_name.startswith("_") and not str(annotation).startswith(_NOT_FIELDS):
                body.append(f"{_INDENT}{field_name}: {self.ann(annotation, cls.__module__)}")
        is_expr = any(b.__name__ == "PrimExpr" for b in cls.__mro__[1:])
        for member_name, member in vars(cls).items():
            if f"{name}.{member_name}" not in REPLACED_MEMBERS:
                lines = self._member(member_name, member)
                body += [widen_constructor(line, is_expr) for line in lines]
        for method_name, fn in sorted(script_methods(cls).items()):
            body += self.function(method_name, fn, _INDENT, as_method=True)
        body += [_INDENT + line for line in EXTRA_MEMBERS.get(name, ())]
        return [head, *(body or [f"{_INDENT}..."])]

    def _base(self, base: type) -> str:
        if base.__module__.startswith("tvmscript"):
            return self.table.class_ref(base, self.prefix)
        if is_enum(base):
            return f"enum.{base.__name__}"
        return base.__name__ if base.__module__ == "builtins" else "Any"

    def _member(self, name: str, member: object) -> list[str]:
        if name.startswith("_") and name not in _DUNDERS:
            return []
        doc = not name.startswith("_")
        if isinstance(member, staticmethod | classmethod):
            decorator = f"{_INDENT}@{type(member).__name__}"
            return [decorator, *self.function(name, member.__func__, _INDENT, doc=doc)]
        if isinstance(member, property) and member.fget is not None:
            signature = inspect.signature(member.fget)
            ret = signature.return_annotation
            module = member.fget.__module__
            returns = "Any" if ret is signature.empty else self.ann(ret, module)
            return [f"{_INDENT}@property", f"{_INDENT}def {name}(self) -> {returns}: ..."]
        if inspect.isfunction(member):
            return self.function(name, member, _INDENT, doc=doc)
        return []


def docstring(text: str, indent: str) -> list[str]:
    """``text`` as a triple-quoted docstring at ``indent`` (same value once read back)."""
    body = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if body.endswith('"'):
        body = body[:-1] + '\\"'
    lines = body.split("\n")
    if len(lines) == 1:
        return [f'{indent}"""{body}"""']
    return [
        f'{indent}"""{lines[0]}',
        *[f"{indent}{line}" if line else "" for line in lines[1:]],
        f'{indent}"""',
    ]


def _default(value: object) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "..."
    if isinstance(value, _SIMPLE_DEFAULTS) and len(repr(value)) <= 40:
        return repr(value)
    return "..."
