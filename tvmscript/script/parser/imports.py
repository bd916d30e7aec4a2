"""What a file's imports bind: TVM's module paths (and ours) mapped to tvmscript's objects.

A file is never run, so ``import tvm`` cannot load TVM. Instead each import binds a
`ModulePath`: a stand-in for the dotted module whose attributes resolve through the tables
below. ``tvm.script.ir_module``, ``tvm.script.tirx.prim_func``, ``script.ir_module`` after
``from tvm import script``, ``ts.ir_module`` after ``import tvm.script as ts`` and a bare
``ir_module`` after ``from tvm.script import ir_module`` all end at the same decorator; so do
``tvm.tirx.const``-style IR references written in a TVMScript body.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any, Final

# A dotted module of TVM or tvmscript -> the tvmscript module that plays its part.
_MODULES: Final[dict[str, str]] = {
    "tvm.script.tirx": "tvmscript.tir",
    "tvm.script.tir": "tvmscript.tir",
    "tvm.script.relax": "tvmscript.relax",
    "tvm.script.ir": "tvmscript.ir",
    "tvm.script.parser.tirx": "tvmscript.tir",
    "tvm.script.parser.tir": "tvmscript.tir",
    "tvm.script.parser.relax": "tvmscript.relax",
    "tvm.script.parser.ir": "tvmscript.ir",
    "tvm.tirx": "tvmscript.script.ir_builder.tir.tvm_names",
    "tvm.tir": "tvmscript.script.ir_builder.tir.tvm_names",
    "tvm.tirx.layout": "tvmscript.script.ir_builder.tir.layout",
    "tvm.ir": "tvmscript.script.ir_builder.tir.tvm_ir_names",
    "tvm.runtime": "tvmscript.script.ir_builder.tir.tvm_ir_names",
    "tvmscript": "tvmscript",
    "tvmscript.tir": "tvmscript.tir",
    "tvmscript.tirx": "tvmscript.tir",
    "tvmscript.relax": "tvmscript.relax",
    "tvmscript.ir": "tvmscript.ir",
}
# A dotted name of TVM or tvmscript that is not a module -> (tvmscript module, attribute).
_OBJECTS: Final[dict[str, tuple[str, str]]] = {
    "tvm.script.ir_module": ("tvmscript.ir", "ir_module"),
    "tvm.script.parser.ir_module": ("tvmscript.ir", "ir_module"),
    "tvm.script.tirx.tile": ("tvmscript.tir", "tile"),
    "tvm.script.parser.tirx.tile": ("tvmscript.tir", "tile"),
    "tvmscript.ir_module": ("tvmscript.ir", "ir_module"),
    "tvmscript.prim_func": ("tvmscript.tir", "prim_func"),
}
# Names of other libraries that TVMScript files use for their TVMScript meaning (a dim
# declared ``n = TypeVar("n")``); their modules stay unknown otherwise.
_FOREIGN_OBJECTS: Final[dict[str, tuple[str, str]]] = {
    "typing.TypeVar": ("tvmscript.script.parser.tir.function", "SymbolicTypeVar"),
    "typing_extensions.TypeVar": ("tvmscript.script.parser.tir.function", "SymbolicTypeVar"),
}
_PACKAGES: Final = frozenset(
    prefix
    for path in (*_MODULES, *_OBJECTS)
    for prefix in (".".join(path.split(".")[:i]) for i in range(1, path.count(".") + 1))
)
"""Dotted paths that are only packages on the way to a known module (``tvm``, ``tvm.script``)."""


class ModulePath:
    """A module a file imports, by its dotted ``path``; attributes resolve via `resolve`."""

    __slots__ = ("path",)
    _is_namespace: Final = True  # `'tvm.script' has no attribute ...` in messages

    def __init__(self, path: str) -> None:
        self.path = path

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        value = resolve(f"{self.path}.{name}")
        if value is None:
            raise AttributeError(f"module '{self.path}' has no attribute '{name}'")
        return value

    def __dir__(self) -> list[str]:
        prefix = self.path + "."
        known = (*_MODULES, *_OBJECTS, *_PACKAGES)
        return sorted({p[len(prefix) :].split(".")[0] for p in known if p.startswith(prefix)})

    def __repr__(self) -> str:
        return f"<module '{self.path}' (as TVMScript reads it)>"


def resolve(path: str) -> Any:
    """What the dotted ``path`` names (a module, a decorator, ...); None when unknown."""
    return _resolve(path)


# Paths TVM 0.27 no longer has (older TVM did): read as their successor, with a hint.
LEGACY_PATHS: Final[dict[str, str]] = {
    "tvm.tir": "tvm.tirx",
    "tvm.script.tir": "tvm.script.tirx",
    "tvm.script.parser.tir": "tvm.script.parser.tirx",
}


class LegacyName:
    """A callable reached by an old spelling (``T.block``, ``tvm.tir.const``).

    It calls ``target``; the TIR dialect notes the old spelling where it is called.
    """

    __slots__ = ("message", "target")

    def __init__(self, target: Any, message: str) -> None:
        self.target = target
        self.message = message

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.target(*args, **kwargs)


class LegacyNamespace:
    """A module reached by an old path (``tvm.tir``): its callables are `LegacyName` objects."""

    _is_namespace: Final = True

    def __init__(self, module: Any, message: str) -> None:
        self._module = module
        self._message = message

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self._module, name)
        return LegacyName(value, self._message) if callable(value) else value

    def __dir__(self) -> list[str]:
        return [n for n in dir(self._module) if not n.startswith("_")]


@cache
def _resolve(path: str) -> Any:
    if (new := LEGACY_PATHS.get(path)) is not None and path == "tvm.tir":
        message = f"TVM 0.27 has no '{path}' (it is '{new}'); tvmscript reads it as '{new}'"
        return LegacyNamespace(_resolve(new), message)
    if (module := _MODULES.get(path)) is not None:
        return _import(module)
    if (where := _OBJECTS.get(path) or _FOREIGN_OBJECTS.get(path)) is not None:
        return getattr(_import(where[0]), where[1], None)
    if path in _PACKAGES:
        return ModulePath(path)
    return None


def _import(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def bind_import(path: str, asname: str | None) -> tuple[str, Any] | None:
    """``import path [as asname]``: the name bound and its value (None: nothing we know)."""
    if asname is not None:
        value = resolve(path)
        return None if value is None else (asname, value)
    top = path.split(".")[0]  # `import tvm.script` binds `tvm`
    value = resolve(top)
    return None if value is None else (top, value)


def bind_from_import(package: str, name: str) -> Any:
    """``from package import name``: its value (None: nothing we know)."""
    if (value := resolve(f"{package}.{name}")) is not None:
        return value
    module = resolve(package)
    if module is None or isinstance(module, ModulePath):
        return None
    return getattr(module, name, None)
