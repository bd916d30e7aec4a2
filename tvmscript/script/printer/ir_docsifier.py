"""IRDocsifier: turns IR into docs through a dispatch table keyed by (token, node type).

It keeps a stack of frames (each collects the statements of one printed scope), the names of
defined variables (de-duplicated as TVM does: ``A``, ``A_1``, ``A_2``, ...), the dispatch-token
stack (``"tir"`` inside a PrimFunc, ``"relax"`` inside a Relax function) and the metadata
section (objects printed as ``metadata["key"][i]``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath

N = TypeVar("N")
Printer = Callable[[Any, AccessPath, "IRDocsifier"], D.Doc]

DEFAULT_TOKEN: Final = ""
_VTABLE: dict[tuple[str, type], Printer] = {}
_RESOLVED: dict[tuple[str, type], Printer | None] = {}


class RegistryError(RuntimeError):
    """Two printers registered for one (token, type)."""


def register(
    token: str, node_type: type[N]
) -> Callable[[Callable[..., D.Doc]], Callable[..., D.Doc]]:
    """Make the decorated function print ``node_type`` under dispatch ``token`` ("" = any)."""

    def decorate(fn: Callable[..., D.Doc]) -> Callable[..., D.Doc]:
        if (token, node_type) in _VTABLE:
            raise RegistryError(f"two printers for {token!r}/{node_type.__name__}")
        _VTABLE[token, node_type] = fn
        _RESOLVED.clear()
        return fn

    return decorate


def _resolve(token: str, cls: type) -> Printer | None:
    key = (token, cls)
    if key in _RESOLVED:
        return _RESOLVED[key]
    found = None
    for base in cls.__mro__:
        if (fn := _VTABLE.get((token, base))) is not None:
            found = fn
            break
    _RESOLVED[key] = found
    return found


@dataclass(slots=True)
class PrinterConfig:
    """Printing options (TVM's PrinterConfig; the subset users rely on)."""

    show_meta: bool = False
    verbose_expr: bool = False
    indent_spaces: int = 4
    func_name: str | None = None
    ir_prefix: str = "I"
    tir_prefix: str = "T"
    relax_prefix: str = "R"
    module_alias: str = "cls"
    int_dtype: str = "int32"
    float_dtype: str = "void"
    buffer_dtype: str = "float32"
    syntax_sugar: bool = True
    binding_names: list[str] = field(default_factory=list)

    def builtin_keywords(self) -> list[str]:
        """Names a variable may never take (they are printed prefixes)."""
        return [self.ir_prefix, self.tir_prefix, self.relax_prefix, self.module_alias, "_"]


class Frame:
    """One printed scope: the statements it collected and what to forget on exit."""

    __slots__ = ("allow_concise_scoping", "callbacks", "d", "node", "stmts")

    def __init__(self, d: IRDocsifier, node: object = None) -> None:
        self.d = d
        self.node = node
        self.stmts: list[D.StmtDoc] = []
        self.callbacks: list[Callable[[], None]] = []
        self.allow_concise_scoping = False

    def __enter__(self) -> Frame:
        self.d.frames.append(self)
        return self

    def __exit__(self, *_: object) -> None:
        for cb in reversed(self.callbacks):
            cb()
        self.callbacks.clear()
        self.d.frames.pop()

    def add_dispatch_token(self, token: str) -> None:
        """Print with ``token``'s rules until this frame exits."""
        tokens = self.d.dispatch_tokens
        tokens.append(token)
        self.callbacks.append(lambda: _discard(tokens.pop()))


def _discard(_: object) -> None:
    pass


class VarInfo:
    """How a defined object prints: a fixed name or a doc factory (``A.data``)."""

    __slots__ = ("creator", "name")

    def __init__(self, name: str | None, creator: Callable[[], D.ExprDoc]) -> None:
        self.name = name
        self.creator = creator


class IRDocsifier:
    """The IR → Doc converter (one per print)."""

    def __init__(self, cfg: PrinterConfig) -> None:
        self.cfg = cfg
        self.frames: list[Frame] = []
        self.dispatch_tokens: list[str] = [DEFAULT_TOKEN]
        self.obj2info: dict[int, VarInfo] = {}
        self.defined_names: set[str] = set(cfg.builtin_keywords())
        self.metadata: dict[str, list[object]] = {}
        self.ir_usage: set[str] = set()
        self.common_prefix: dict[int, list[object]] | None = None
        self.common_prefix_root: object = None
        self.extra: dict[str, Any] = {}  # per-dialect state (e.g. the s_tir flag)

    # -- dispatch -----------------------------------------------------------------------------

    def as_doc(self, obj: object, path: AccessPath) -> Any:
        """The doc of ``obj`` (its printer chosen by the innermost token, then the default)."""
        cls = type(obj)
        fn = _resolve(self.dispatch_tokens[-1], cls)
        if fn is None:
            fn = _resolve(DEFAULT_TOKEN, cls)
        if fn is None:
            return self.add_metadata(obj)
        doc = fn(obj, path, self)
        doc.source_paths.append(path)
        return doc

    def frame(self, node: object = None) -> Frame:
        """A new frame for ``node`` (enter it with ``with``)."""
        return Frame(self, node)

    @contextmanager
    def token(self, token: str) -> Iterator[None]:
        """Print with ``token``'s rules inside the block."""
        self.dispatch_tokens.append(token)
        try:
            yield
        finally:
            self.dispatch_tokens.pop()

    # -- names --------------------------------------------------------------------------------

    def define(self, obj: object, frame: Frame, name_hint: str) -> D.IdDoc:
        """Give ``obj`` a fresh name (``name``, ``name_1``, ...) until ``frame`` exits."""
        key = id(obj)
        if (info := self.obj2info.get(key)) is not None and info.name is not None:
            return D.IdDoc(info.name)
        name = unique_name(name_hint, self.defined_names)
        self.defined_names.add(name)
        self.obj2info[key] = VarInfo(name, lambda: D.IdDoc(name))
        frame.callbacks.append(lambda: self.remove_var(key))
        return D.IdDoc(name)

    def define_with(self, obj: object, frame: Frame, creator: Callable[[], D.ExprDoc]) -> None:
        """Print ``obj`` as ``creator()`` (e.g. ``A.data``) until ``frame`` exits."""
        key = id(obj)
        self.obj2info[key] = VarInfo(None, creator)
        frame.callbacks.append(lambda: self.remove_var(key))

    def get_var_doc(self, obj: object) -> D.ExprDoc | None:
        """The doc of a defined object, or None."""
        if (info := self.obj2info.get(id(obj))) is None:
            return None
        return info.creator()

    def is_defined(self, obj: object) -> bool:
        return id(obj) in self.obj2info

    def remove_var(self, key: int) -> None:
        info = self.obj2info.pop(key, None)
        if info is not None and info.name is not None:
            self.defined_names.discard(info.name)

    # -- metadata -----------------------------------------------------------------------------

    def add_metadata(self, obj: object) -> D.ExprDoc:
        """``metadata["type_key"][i]`` for an object the printer cannot spell."""
        key = type_key(obj)
        items = self.metadata.setdefault(key, [])
        for i, item in enumerate(items):
            if item is obj:
                index = i
                break
        else:
            index = len(items)
            items.append(obj)
        return D.IdDoc("metadata")[[D.LiteralDoc(key)]][[D.LiteralDoc(index)]]


def unique_name(hint: str, defined: set[str]) -> str:
    """``hint`` made an identifier, suffixed ``_1``, ``_2``, ... until unused (TVM's rule)."""
    if not hint.isidentifier() or not hint.isascii():
        hint = "".join(c if (c.isascii() and c.isalnum()) or c == "_" else "_" for c in hint)
    name = hint
    i = 1
    while name in defined:
        name = f"{hint}_{i}"
        i += 1
    return name


_TYPE_KEYS: Final = {"ndarray": "ir.GenericConst"}


def type_key(obj: object) -> str:
    """TVM's type key for an object printed as metadata."""
    name = type(obj).__name__
    if name in _TYPE_KEYS:
        return _TYPE_KEYS[name]
    if (key := getattr(obj, "type_key", None)) is not None:
        return str(key)
    return name
