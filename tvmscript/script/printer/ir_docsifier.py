"""IRDocsifier: turns IR into docs through a dispatch table keyed by (token, node type).

It keeps a stack of frames (each collects the statements of one printed scope), the names of
defined variables (de-duplicated as TVM does: ``A``, ``A_1``, ``A_2``, ...), the dispatch-token
stack (`Token.TIR` inside a PrimFunc, `Token.RELAX` inside a Relax function) and the metadata
section (objects printed as ``metadata["key"][i]``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, TypeVar

from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.tokens import Token

if TYPE_CHECKING:
    from tvmscript.script.comments import CommentTable

N = TypeVar("N")
Printer = Callable[[Any, AccessPath, "IRDocsifier"], D.Doc]

DEFAULT_TOKEN: Final = Token.DEFAULT
_VTABLE: dict[tuple[Token, type], Printer] = {}
# token -> class -> the printer to use: the token's, else the default one, else None.
_RESOLVED: defaultdict[Token, dict[type, Printer | None]] = defaultdict(dict)


# Classes whose printer prints a defined object as its name: `as_doc` answers those directly.
_NAMED_TYPES: set[type] = set()


def register_named_type(cls: type) -> None:
    """Declare that ``cls``'s printer prints a defined object as its (shared) name doc."""
    _NAMED_TYPES.add(cls)


class RegistryError(RuntimeError):
    """Two printers registered for one (token, type)."""


def register(
    token: Token, node_type: type[N]
) -> Callable[[Callable[..., D.Doc]], Callable[..., D.Doc]]:
    """Make the decorated function print ``node_type`` under dispatch ``token``.

    `Token.DEFAULT` printers apply under every token that has none of its own.
    """

    def decorate(fn: Callable[..., D.Doc]) -> Callable[..., D.Doc]:
        if (token, node_type) in _VTABLE:
            raise RegistryError(f"two printers for {token!r}/{node_type.__name__}")
        _VTABLE[token, node_type] = fn
        _RESOLVED.clear()
        return fn

    return decorate


_UNRESOLVED: Final[Any] = object()


def _lookup(token: Token, cls: type) -> Printer | None:
    for base in cls.__mro__:
        if (fn := _VTABLE.get((token, base))) is not None:
            return fn
    return None


def _resolve(token: Token, cls: type) -> Printer | None:
    """The printer of ``cls`` under ``token`` (falling back to the default token), cached."""
    fn = _lookup(token, cls)
    if fn is None and token != DEFAULT_TOKEN:
        fn = _lookup(DEFAULT_TOKEN, cls)
    _RESOLVED[token][cls] = fn
    return fn


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
    source_paths: bool = False
    """Record on each doc the IR paths it came from (for underlining); slower."""
    comments: CommentTable | None = None
    """Source comments to print at the statements they belong to (formatting)."""

    def builtin_keywords(self) -> list[str]:
        """Names a variable may never take (they are printed prefixes)."""
        return [self.ir_prefix, self.tir_prefix, self.relax_prefix, self.module_alias, "_"]


class Frame:
    """One printed scope: the statements it collected and what to forget on exit."""

    __slots__ = ("allow_concise_scoping", "callbacks", "d", "defined", "node", "stmts")

    def __init__(self, d: IRDocsifier, node: object = None) -> None:
        self.d = d
        self.node = node
        self.stmts: list[D.StmtDoc] = []
        self.callbacks: list[Callable[[], None]] = []
        self.defined: list[int] = []  # ids of objects defined here, forgotten on exit
        self.allow_concise_scoping = False

    def __enter__(self) -> Frame:
        self.d.frames.append(self)
        return self

    def __exit__(self, *_: object) -> None:
        if self.callbacks:
            for cb in reversed(self.callbacks):
                cb()
            self.callbacks.clear()
        if self.defined:
            infos, names = self.d.obj2info, self.d.defined_names
            for key in reversed(self.defined):  # forget the object and free its name
                info = infos.pop(key, None)
                if info is not None and info.name is not None:
                    names.discard(info.name)
            self.defined.clear()
        self.d.frames.pop()

    def add_dispatch_token(self, token: Token) -> None:
        """Print with ``token``'s rules until this frame exits."""
        tokens = self.d.dispatch_tokens
        tokens.append(token)
        self.callbacks.append(lambda: _discard(tokens.pop()))


def _discard(_: object) -> None:
    pass


class VarInfo:
    """How a defined object prints: a fixed name or a doc factory (``A.data``)."""

    __slots__ = ("creator", "name", "shared")

    def __init__(
        self, name: str | None, creator: Callable[[], D.ExprDoc] | None, shared: D.IdDoc | None
    ) -> None:
        self.name = name
        self.creator = creator
        # Without source paths docs are never changed, so one name doc serves every use.
        self.shared = shared

    def doc(self) -> D.ExprDoc:
        """The doc of one use."""
        if self.shared is not None:
            return self.shared
        if self.creator is not None:
            return self.creator()
        return D.IdDoc(self.name)  # type: ignore[arg-type]


class IRDocsifier:
    """The IR → Doc converter (one per print)."""

    def __init__(self, cfg: PrinterConfig) -> None:
        self.cfg = cfg
        self.frames: list[Frame] = []
        self.dispatch_tokens: list[Token] = [DEFAULT_TOKEN]
        self.obj2info: dict[int, VarInfo] = {}
        self.defined_names: set[str] = set(cfg.builtin_keywords())
        self.metadata: dict[str, list[object]] = {}
        self.ir_usage: set[str] = set()
        self.common_prefix: dict[int, list[object]] | None = None
        self.common_prefix_root: object = None
        self.extra: dict[str, Any] = {}  # per-dialect state (e.g. the s_tir flag)
        self.keep_paths = cfg.source_paths
        self.comments = cfg.comments
        self.prefixed: dict[str, D.ExprDoc] = {}  # shared `T.attr` docs
        self.prefixed_text: dict[str, str] = {}  # `T.attr` texts
        self.int_literals: dict[int, D.LiteralDoc] = {}  # shared int docs (no source paths)

    # -- dispatch -----------------------------------------------------------------------------

    def as_doc(self, obj: object, path: AccessPath) -> Any:
        """The doc of ``obj`` (its printer chosen by the innermost token, then the default)."""
        cls = type(obj)
        # The commonest node: a variable already defined, printed as its shared name doc.
        if cls in _NAMED_TYPES:
            info = self.obj2info.get(id(obj))
            if info is not None and info.shared is not None:
                return info.shared
        token = self.dispatch_tokens[-1]
        fn = _RESOLVED[token].get(cls, _UNRESOLVED)
        if fn is _UNRESOLVED:
            fn = _resolve(token, cls)
        if fn is None:
            return self.add_metadata(obj)
        doc = fn(obj, path, self)
        if self.keep_paths:
            doc.source_paths = (*doc.source_paths, path)
        return doc

    def add_source_path(self, doc: D.Doc, path: AccessPath) -> None:
        """Record that ``doc`` (also) prints the object at ``path``, when paths are kept."""
        if self.keep_paths:
            doc.source_paths = (*doc.source_paths, path)

    def frame(self, node: object = None) -> Frame:
        """A new frame for ``node`` (enter it with ``with``)."""
        return Frame(self, node)

    @contextmanager
    def token(self, token: Token) -> Iterator[None]:
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
            return info.shared if info.shared is not None else D.IdDoc(info.name)
        name = unique_name(name_hint, self.defined_names)
        self.defined_names.add(name)
        doc = D.IdDoc(name)
        self.obj2info[key] = VarInfo(name, None, None if self.keep_paths else doc)
        frame.defined.append(key)
        return doc

    def define_with(self, obj: object, frame: Frame, creator: Callable[[], D.ExprDoc]) -> None:
        """Print ``obj`` as ``creator()`` (e.g. ``A.data``) until ``frame`` exits."""
        key = id(obj)
        self.obj2info[key] = VarInfo(None, creator, None)
        frame.defined.append(key)

    def get_var_doc(self, obj: object) -> D.ExprDoc | None:
        """The doc of a defined object, or None."""
        if (info := self.obj2info.get(id(obj))) is None:
            return None
        return info.doc()

    def is_defined(self, obj: object) -> bool:
        return id(obj) in self.obj2info

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
    if hint not in defined and hint.isidentifier() and hint.isascii():  # the common case
        return hint
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
