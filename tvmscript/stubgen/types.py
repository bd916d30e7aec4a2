"""Annotations as stub text: names resolved in their own module, support types collected.

Every annotation of a builder function is written as a string (``from __future__ import
annotations``), in the terms of the module that defines it. `TypeTable` reads each name there
(also through ``if TYPE_CHECKING:`` imports), and spells it for a stub: builtins and typing names
as they are, our own classes and type aliases as members of the private ``tvmscript._ir`` stub
(collected here and emitted by `classes`), anything else as ``Any``.
"""

from __future__ import annotations

import ast
import builtins
import collections.abc
import enum
import importlib
import inspect
import io
import re
import tokenize
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

SUPPORT_MODULE: Final = "_ir"
"""The private stub module (``tvmscript._ir``) that holds every class and alias stubs use."""

_IDENT: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_BUILTIN_TYPES: Final = frozenset(
    {"int", "float", "bool", "str", "bytes", "complex", "object", "tuple", "list", "dict", "set"}
    | {"frozenset", "type", "slice", "range", "None", "Ellipsis"}
)
_FALLBACK_MODULES: Final = ("tvmscript.ir", "tvmscript.core.tir.expr")
_TYPING_MODULES: Final = frozenset({"typing", "collections.abc", "typing_extensions"})
_RESERVED: Final = frozenset(
    {*typing.__all__, *collections.abc.__all__, *dir(builtins), "builtins", "enum"}
)


@dataclass
class TypeTable:
    """The support types found so far: classes and aliases, by their name in ``_ir``."""

    classes: dict[str, type] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    typing_names: set[str] = field(default_factory=set)
    _pending: list[type] = field(default_factory=list)
    _alias_names: dict[tuple[str, object], str] = field(default_factory=dict)

    def format(self, annotation: object, module: str, prefix: str, shadowed: frozenset[str]) -> str:
        """``annotation`` (a string or an object) as stub text for a stub module.

        Args:
            annotation: as ``inspect.signature`` gives it.
            module: the module whose names the annotation is written in.
            prefix: how the stub refers to ``_ir`` members (``"_ir."``, or ``""`` inside it).
            shadowed: builtin names the stub module defines itself (spelled ``builtins.X``).
        """
        if isinstance(annotation, str):
            return _IDENT.sub(lambda m: self._name(m.group(), module, prefix, shadowed), annotation)
        return self._object(annotation, module, prefix, shadowed)

    def class_ref(self, cls: type, prefix: str) -> str:
        """How a stub names the support class ``cls`` (registering it)."""
        return prefix + self._register(cls)

    def take_pending(self) -> list[type]:
        """Classes registered since the last call (their stubs are still to be written)."""
        pending, self._pending = self._pending, []
        return pending

    def _name(self, name: str, module: str, prefix: str, shadowed: frozenset[str]) -> str:
        if name in _BUILTIN_TYPES:
            return f"builtins.{name}" if name in shadowed else name
        found, value, module, name = _lookup_dotted(module, name)
        if not found:
            return "Any"
        if isinstance(value, str):  # a string type alias: its own names, in its module
            return prefix + self._alias(name, value, module)
        return self._object(value, module, prefix, shadowed, alias_name=name)

    def _object(
        self,
        value: object,
        module: str,
        prefix: str,
        shadowed: frozenset[str],
        alias_name: str | None = None,
    ) -> str:
        if value is None or value is type(None):
            return "None"
        if value is typing.Any:
            self.typing_names.add("Any")
            return "Any"
        if isinstance(value, typing.ForwardRef):  # `Union["PrimExpr", int]`: in its module
            return self.format(value.__forward_arg__, module, prefix, shadowed)
        if isinstance(value, type) and value.__module__ == "builtins":
            name = value.__name__
            return f"builtins.{name}" if name in shadowed else name
        if isinstance(value, type) and value.__module__ in _TYPING_MODULES:
            self.typing_names.add(value.__name__)
            return value.__name__
        if isinstance(value, type) and value.__module__.startswith("tvmscript"):
            return prefix + self._register(value)
        if _is_alias(value):
            if alias_name is not None:
                return prefix + self._alias(alias_name, value, module)
            return self._generic(value, module, prefix, shadowed)
        typing_name = getattr(value, "_name", None) or getattr(value, "__name__", None)
        if getattr(value, "__module__", None) in _TYPING_MODULES and typing_name:
            self.typing_names.add(str(typing_name))
            return str(typing_name)
        return "Any"

    def _generic(self, value: Any, module: str, prefix: str, shadowed: frozenset[str]) -> str:
        origin, args = typing.get_origin(value), typing.get_args(value)
        if origin in (types.UnionType, typing.Union):
            return " | ".join(self._object(arg, module, prefix, shadowed) for arg in args)
        if origin is typing.Literal:
            self.typing_names.add("Literal")
            return f"Literal[{', '.join(repr(arg) for arg in args)}]"
        head = self._object(origin, module, prefix, shadowed)
        if not args:
            return head
        return f"{head}[{self._arguments(args, module, prefix, shadowed)}]"

    def _arguments(
        self, args: Sequence[object], module: str, prefix: str, shadowed: frozenset[str]
    ) -> str:
        parts = []
        for arg in args:
            if arg is Ellipsis:
                parts.append("...")
            elif isinstance(arg, list):  # Callable[[A, B], R]
                parts.append(f"[{self._arguments(arg, module, prefix, shadowed)}]")
            else:
                parts.append(self._object(arg, module, prefix, shadowed))
        return ", ".join(parts)

    def _alias(self, name: str, value: object, module: str) -> str:
        """The ``_ir`` name of alias ``name`` of ``module``, one per meaning.

        Aliases that read the same share a name; another meaning under a name already taken
        (TIR's ``ShapeLike`` and Relax's) is spelt with a ``_`` added.
        """
        key = (module, value) if isinstance(value, str) else ("", id(value))
        if (known := self._alias_names.get(key)) is not None:
            return known
        fresh = name
        while fresh in self.aliases or fresh in _RESERVED:
            fresh += "_"
        self._alias_names[key] = fresh
        self.aliases[fresh] = "Any"  # a recursive alias reads as Any while being formatted
        text = self.format(value, module, "", frozenset())
        same = name
        while same in self.aliases and same != fresh and self.aliases[same] != text:
            same += "_"
        if same != fresh and self.aliases.get(same) == text:
            del self.aliases[fresh]
            fresh = self._alias_names[key] = same
        self.aliases[fresh] = text
        return fresh

    def _register(self, cls: type) -> str:
        name = cls.__name__
        if name in _RESERVED:  # a relax `Sequence` must not hide typing's inside `_ir`
            name += "_"
        while (known := self.classes.get(name)) is not None and known is not cls:
            name += "_"
        if name not in self.classes:
            self.classes[name] = cls
            self._pending.append(cls)
        return name


def _is_alias(value: object) -> bool:
    return isinstance(value, types.UnionType | types.GenericAlias) or (
        typing.get_origin(value) is not None
    )


def _lookup_dotted(module: str, dotted: str) -> tuple[bool, object, str, str]:
    """``X.Call`` (``X`` a module ``module`` imports): found, the value, its module and name."""
    head, *attrs = dotted.split(".")
    found, value = _lookup(module, head)
    for attr in attrs:
        if not (found and inspect.ismodule(value) and hasattr(value, attr)):
            return False, None, module, dotted
        module, value = value.__name__, getattr(value, attr)
    return found, value, module, attrs[-1] if attrs else head


def _lookup(module: str, name: str) -> tuple[bool, object]:
    """``name`` in the globals of ``module``, or in its ``TYPE_CHECKING`` imports."""
    try:
        namespace = vars(importlib.import_module(module))
    except ImportError:
        return False, None
    if name in namespace:
        return True, namespace[name]
    if (source := _type_checking_imports(module).get(name)) is not None:
        try:
            return True, getattr(importlib.import_module(source[0]), source[1])
        except (ImportError, AttributeError):
            return False, None
    if hasattr(builtins, name):
        return True, getattr(builtins, name)
    # Dataclass-made methods carry the subclass's module but the base's field annotations.
    for fallback in _FALLBACK_MODULES:
        if (value := getattr(importlib.import_module(fallback), name, None)) is not None:
            return True, value
    return False, None


@cache
def _type_checking_imports(module: str) -> dict[str, tuple[str, str]]:
    """Names imported under ``if TYPE_CHECKING:`` in ``module``: name → (module, attribute)."""
    try:
        tree = ast.parse(inspect.getsource(importlib.import_module(module)))
    except (ImportError, OSError, TypeError, SyntaxError):
        return {}
    found: dict[str, tuple[str, str]] = {}
    for node in tree.body:
        if not (isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)):
            continue
        for statement in node.body:
            if isinstance(statement, ast.ImportFrom) and statement.module and not statement.level:
                for alias in statement.names:
                    found[alias.asname or alias.name] = (statement.module, alias.name)
    return found


def typing_header(names: set[str]) -> list[str]:
    """The import lines for the typing names a stub uses (abc ones from collections.abc)."""
    abc_names = sorted(n for n in names if hasattr(collections.abc, n))
    typing_only = sorted(n for n in names if n not in abc_names)
    lines = []
    if abc_names:
        lines.append(f"from collections.abc import {', '.join(abc_names)}")
    if typing_only:
        lines.append(f"from typing import {', '.join(typing_only)}")
    return lines


def is_enum(cls: type) -> bool:
    """Whether ``cls`` is an `enum.Enum`."""
    return issubclass(cls, enum.Enum)


_DEFINING: Final = frozenset({"def", "class", "as"})


def unshadow_typing(lines: list[str], names: frozenset[str]) -> list[str]:
    """Typing names a namespace also defines (``R.Callable``) used as ``_Callable``.

    Every use of such a name in ``lines`` means the typing name, but where the stub defines
    it: after ``def``, ``class`` or ``as``, or at the start of a line (``name: type``).
    Strings (docstrings) are left as they are.
    """
    if not names:
        return lines
    hits: list[tuple[int, int]] = []
    previous = ""
    readline = io.StringIO("\n".join(lines) + "\n").readline
    for tok in tokenize.generate_tokens(readline):
        named = tok.type == tokenize.NAME and tok.string in names
        if named and previous not in _DEFINING and tok.start[1] != 0:
            hits.append(tok.start)
        if tok.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            previous = tok.string
    out = list(lines)
    for row, col in sorted(hits, reverse=True):
        out[row - 1] = out[row - 1][:col] + "_" + out[row - 1][col:]
    return out


def unshadow_import(line: str, names: frozenset[str]) -> str:
    """``from typing import Any, Literal`` with the clashing names imported as ``_Any``."""
    if not names or not line.startswith(("from typing import ", "from collections.abc import ")):
        return line
    head, _, imported = line.partition(" import ")
    parts = [f"{n} as _{n}" if n in names else n for n in imported.split(", ")]
    return f"{head} import {', '.join(parts)}"
