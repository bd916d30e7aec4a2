"""Structural equality and hashing of IR, as TVM's ``SEqual``/``SHash``.

Two IR trees are structurally equal when they have the same shape, classes and values, up to a
consistent renaming of variables. The comparison is generic over dataclass fields
(`node_fields`): ``SEQ_IGNORE`` fields (spans, name hints) are skipped, ``SEQ_DEF`` fields are
definition sites. Inside a definition site (and everywhere inside a `Buffer`, whose data
pointer, shape, strides and offset TVM marks as definitions) an unmapped variable pair is mapped
to each other; elsewhere a variable must already be mapped to its counterpart (or be the very
same object), unless ``map_free_vars`` is given. The mapping is a bijection.

Special cases: `GlobalVar` compares by name, `IRModule.functions` pairs functions by name,
string-keyed mappings compare by key, node-keyed mappings (`PrimFunc.buffer_map`) pair entries in
insertion order, and other Python objects compare with ``==`` (numpy arrays by content).

The hash agrees with the equality: variables hash by the order in which they first appear.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Final

from tvmscript.core.ir.module import IRModule
from tvmscript.core.ir.node import Node, node_fields

__all__ = ["assert_structural_equal", "structural_equal", "structural_hash"]

# Kinds of node classes.
_TREE: Final = 0  # compared field by field
_VAR: Final = 1  # a variable: compared through the renaming
_BUFFER: Final = 2  # field by field, all fields are definitions; pairs are memoised
_GLOBAL_VAR: Final = 3  # by name
_MODULE: Final = 4  # functions by name, then the other fields
_VALUE: Final = 5  # not a node: sequences, mappings, primitives, other Python objects

_ClassInfo = tuple[int, tuple[tuple[str, bool], ...], int]
"""``(kind, ((field name, is a definition site), ...), class hash)``, compared fields only."""

_INFO: dict[type, _ClassInfo] = {}  # filled by `_class_info`; read directly on the hot path
_NO_FIELDS: Final[tuple[tuple[str, bool], ...]] = ()

_RECURSION_LIMIT: Final = 20_000  # deep expression chains; Python-to-Python calls use no C stack
_REPR_LIMIT: Final = 160
_NAN_HASH: Final = 0x7FF8_0000
_SEQ_HASH: Final = hash("structural.seq")
_MAP_HASH: Final = hash("structural.map")
_NONE_HASH: Final = hash("structural.none")
_MINUS_ONE_HASH: Final = hash("structural.-1")


def structural_equal(lhs: object, rhs: object, map_free_vars: bool = False) -> bool:
    """Whether ``lhs`` and ``rhs`` are the same IR up to renaming of variables.

    Args:
        lhs: An IR node (or a value such as a tuple or a mapping of nodes).
        rhs: The other side.
        map_free_vars: Map variables that are used before any definition to each other
            (otherwise such a free variable only equals itself).
    """
    with _deep_recursion():
        return _Equal(map_free_vars).equal(lhs, rhs, False)


def assert_structural_equal(lhs: object, rhs: object, map_free_vars: bool = False) -> None:
    """Raise `ValueError` naming the first mismatching path unless ``lhs`` ≅ ``rhs``."""
    checker = _Equal(map_free_vars)
    with _deep_recursion():
        if checker.equal(lhs, rhs, False):
            return
    path = "<root>" + "".join(reversed(checker.path))
    mismatch = f"structural mismatch at {path}: {_short(checker.lhs)} vs {_short(checker.rhs)}"
    if checker.reason:
        mismatch += f" ({checker.reason})"
    raise ValueError(mismatch)


def structural_hash(node: object, map_free_vars: bool = False) -> int:
    """A hash of ``node`` that is the same for structurally equal IR.

    Variables hash by the order in which they first appear, so renaming keeps the hash; free
    variables are treated the same way, which is consistent with either ``map_free_vars``.
    """
    del map_free_vars  # accepted for symmetry with `structural_equal`
    with _deep_recursion():
        return _Hash().hash(node)


@contextmanager
def _deep_recursion() -> Iterator[None]:
    old = sys.getrecursionlimit()
    if old < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    try:
        yield
    finally:
        if old < _RECURSION_LIMIT:
            sys.setrecursionlimit(old)


def _class_info(cls: type) -> _ClassInfo:
    if (info := _INFO.get(cls)) is not None:
        return info
    if Node in cls.__mro__:  # (`issubclass` would narrow `cls` to a type `cache` rejects)
        info = (_kind_of(cls), _compared_fields(cls), hash((cls.__module__, cls.__qualname__)))
    else:
        info = (_VALUE, _NO_FIELDS, 0)
    _INFO[cls] = info
    return info


_KINDS: Final = {
    "tree": _TREE,
    "var": _VAR,
    "buffer": _BUFFER,
    "global_var": _GLOBAL_VAR,
    "module": _MODULE,
}


def _kind_of(cls: type) -> int:
    # Each node class says how it compares (`Node.seq_kind`): the IR base knows no dialect.
    return _KINDS[getattr(cls, "seq_kind", "tree")]


def _compared_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    # Definitions first, as TVM orders them (a PrimFunc's `buffer_map` defines the symbolic
    # shape vars its `body` uses, though `body` is declared first).
    fields = [(name, seq == "def") for name, seq in node_fields(cls) if seq != "ignore"]
    return tuple(sorted(fields, key=lambda f: not f[1]))


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _REPR_LIMIT else text[: _REPR_LIMIT - 3] + "..."


def _is_primitive(value: object) -> bool:
    return not isinstance(value, Node | tuple | list | Mapping)


def _first(item: tuple[str, object]) -> str:
    return item[0]


def _key_path(key: object) -> str:
    return f'["{key}"]' if isinstance(key, str) else f"[{_short(key)}]"


class _Equal:
    """One comparison: the variable bijection, and where the first mismatch was found."""

    __slots__ = ("buffers", "lhs", "lhs_vars", "map_free_vars", "path", "reason", "rhs", "rhs_vars")

    def __init__(self, map_free_vars: bool) -> None:
        self.map_free_vars = map_free_vars
        self.lhs_vars: dict[int, object] = {}  # id(lhs var) -> rhs var
        self.rhs_vars: dict[int, object] = {}  # id(rhs var) -> lhs var
        self.buffers: dict[int, object] = {}  # id(lhs buffer) -> rhs buffer found equal
        self.path: list[str] = []  # filled innermost first while a mismatch unwinds
        self.lhs: object = None
        self.rhs: object = None
        self.reason = ""

    def fail(self, lhs: object, rhs: object, reason: str = "") -> bool:
        self.lhs, self.rhs, self.reason = lhs, rhs, reason
        return False

    def equal(self, lhs: Any, rhs: Any, is_def: bool) -> bool:
        """Compare two values; ``is_def``: inside a definition site."""
        info = _INFO.get(type(lhs)) or _class_info(type(lhs))
        kind = info[0]
        if kind == _VALUE:
            return self.equal_value(lhs, rhs, is_def)
        if type(rhs) is not type(lhs):
            return self.fail(lhs, rhs, "different node types")
        if kind == _TREE:
            return self.equal_fields(lhs, rhs, info[1], is_def)
        if kind == _VAR:
            return self.equal_var(lhs, rhs, info[1], is_def)
        if kind == _BUFFER:
            if self.buffers.get(id(lhs)) is rhs:
                return True
            if not self.equal_fields(lhs, rhs, info[1], True):
                return False
            self.buffers[id(lhs)] = rhs
            return True
        if kind == _GLOBAL_VAR:
            return lhs.name_hint == rhs.name_hint or self.fail(lhs, rhs, "different names")
        return self.equal_module(lhs, rhs, info[1], is_def)

    def equal_fields(
        self, lhs: object, rhs: object, fields: tuple[tuple[str, bool], ...], is_def: bool
    ) -> bool:
        for name, field_def in fields:
            if self.equal(lv := getattr(lhs, name), rv := getattr(rhs, name), is_def or field_def):
                continue
            if self.lhs is lv and _is_primitive(lv):  # report the node: `IntImm(...) vs ...`
                self.fail(lhs, rhs, f"{name}: {_short(lv)} vs {_short(rv)}")
            else:
                self.path.append("." + name)
            return False
        return True

    def equal_var(
        self, lhs: object, rhs: object, fields: tuple[tuple[str, bool], ...], is_def: bool
    ) -> bool:
        if (mapped := self.lhs_vars.get(id(lhs))) is not None:
            return mapped is rhs or self.fail(lhs, rhs, f"the left one maps to {mapped!r}")
        if (mapped := self.rhs_vars.get(id(rhs))) is not None:
            return self.fail(lhs, rhs, f"the right one maps to {mapped!r}")
        if not (is_def or self.map_free_vars or lhs is rhs):
            return self.fail(lhs, rhs, "free variables; pass map_free_vars=True to map them")
        if not self.equal_fields(lhs, rhs, fields, is_def):
            return False
        self.lhs_vars[id(lhs)] = rhs
        self.rhs_vars[id(rhs)] = lhs
        return True

    def equal_module(
        self, lhs: IRModule, rhs: IRModule, fields: tuple[tuple[str, bool], ...], is_def: bool
    ) -> bool:
        lhs_funcs = {gv.name_hint: func for gv, func in lhs.functions.items()}
        rhs_funcs = {gv.name_hint: func for gv, func in rhs.functions.items()}
        if lhs_funcs.keys() != rhs_funcs.keys():
            self.path.append(".functions")
            names = f"{sorted(lhs_funcs)} vs {sorted(rhs_funcs)}"
            return self.fail(lhs, rhs, f"different function names: {names}")
        for name in sorted(lhs_funcs):
            if not self.equal(lhs_funcs[name], rhs_funcs[name], is_def):
                self.path.append(f'.functions["{name}"]')
                return False
        others = tuple(f for f in fields if f[0] != "functions")
        return self.equal_fields(lhs, rhs, others, is_def)

    def equal_value(self, lhs: Any, rhs: Any, is_def: bool) -> bool:
        if isinstance(lhs, tuple | list):
            if not isinstance(rhs, tuple | list):
                return self.fail(lhs, rhs)
            return self.equal_sequence(lhs, rhs, is_def)
        if isinstance(lhs, Mapping):
            if not isinstance(rhs, Mapping):
                return self.fail(lhs, rhs)
            return self.equal_mapping(lhs, rhs, is_def)
        if lhs is rhs:
            return True
        if type(lhs) is not type(rhs):
            return self.fail(lhs, rhs, "different types")
        if isinstance(lhs, float):
            return lhs == rhs or (lhs != lhs and rhs != rhs) or self.fail(lhs, rhs)
        if (np := sys.modules.get("numpy")) is not None and isinstance(lhs, np.ndarray):
            nan = lhs.dtype.kind in "fc"  # `equal_nan` raises on other dtypes
            same = lhs.dtype == rhs.dtype and np.array_equal(lhs, rhs, equal_nan=nan)
            return bool(same) or self.fail(lhs, rhs)
        return bool(lhs == rhs) or self.fail(lhs, rhs)

    def equal_sequence(self, lhs: Any, rhs: Any, is_def: bool) -> bool:
        if len(lhs) != len(rhs):
            return self.fail(lhs, rhs, f"{len(lhs)} vs {len(rhs)} elements")
        for i, (a, b) in enumerate(zip(lhs, rhs, strict=True)):
            if not self.equal(a, b, is_def):
                self.path.append(f"[{i}]")
                return False
        return True

    def equal_mapping(self, lhs: Mapping[Any, Any], rhs: Mapping[Any, Any], is_def: bool) -> bool:
        if len(lhs) != len(rhs):
            return self.fail(lhs, rhs, f"{len(lhs)} vs {len(rhs)} entries")
        if not lhs:
            return True
        if not isinstance(next(iter(lhs)), Node):
            return self.equal_value_keyed(lhs, rhs, is_def)
        # Node keys (a PrimFunc's buffer_map): like TVM's Map, unordered. A key already matched
        # (a parameter) finds its partner by that match; the others pair in insertion order.
        by_id = {id(key): key for key in rhs}
        paired: list[tuple[Any, Any]] = []
        for lk in lhs:
            partner = self.lhs_vars.get(id(lk))
            if partner is None or id(partner) not in by_id:
                break
            paired.append((lk, by_id.pop(id(partner))))
        else:
            return self.equal_pairs(lhs, rhs, paired, is_def)
        unmatched = [key for key in rhs if id(key) in by_id]
        rest = list(lhs)[len(paired) :]
        for i, (lk, rk) in enumerate(zip(rest, unmatched, strict=True)):
            if not self.equal(lk, rk, is_def):
                self.path.append(f".keys()[{len(paired) + i}]")
                return False
            paired.append((lk, rk))
        return self.equal_pairs(lhs, rhs, paired, is_def)

    def equal_pairs(
        self, lhs: Mapping[Any, Any], rhs: Mapping[Any, Any], pairs: list[Any], is_def: bool
    ) -> bool:
        for lk, rk in pairs:
            if not self.equal(lhs[lk], rhs[rk], is_def):
                self.path.append(_key_path(lk))
                return False
        return True

    def equal_value_keyed(
        self, lhs: Mapping[Any, Any], rhs: Mapping[Any, Any], is_def: bool
    ) -> bool:
        for key, value in lhs.items():
            if key not in rhs:
                self.path.append(_key_path(key))
                return self.fail(value, None, "missing on the right")
            if not self.equal(value, rhs[key], is_def):
                self.path.append(_key_path(key))
                return False
        return True


class _Hash:
    """One hash computation: the order in which variables first appeared."""

    __slots__ = ("buffers", "vars")

    def __init__(self) -> None:
        self.vars: dict[int, int] = {}  # id(var) -> order of first appearance
        self.buffers: dict[int, int] = {}  # id(buffer) -> its hash (its vars are numbered)

    def hash(self, node: Any) -> int:
        info = _INFO.get(type(node)) or _class_info(type(node))
        kind = info[0]
        if kind == _VALUE:
            return self.hash_value(node)
        if kind == _TREE:
            return hash((info[2], *[self.hash(getattr(node, name)) for name, _ in info[1]]))
        if kind == _VAR:
            order = self.vars.setdefault(id(node), len(self.vars))
            return hash((info[2], order, *[self.hash(getattr(node, n)) for n, _ in info[1]]))
        if kind == _BUFFER:
            if (known := self.buffers.get(id(node))) is None:
                fields = [self.hash(getattr(node, name)) for name, _ in info[1]]
                known = self.buffers[id(node)] = hash((info[2], *fields))
            return known
        if kind == _GLOBAL_VAR:
            return hash((info[2], node.name_hint))
        funcs = sorted(((gv.name_hint, func) for gv, func in node.functions.items()), key=_first)
        parts = [hash((name, self.hash(func))) for name, func in funcs]
        others = [self.hash(getattr(node, n)) for n, _ in info[1] if n != "functions"]
        return hash((info[2], *parts, *others))

    def hash_value(self, value: Any) -> int:
        if value is None:
            return _NONE_HASH
        if isinstance(value, tuple | list):
            return hash((_SEQ_HASH, *[self.hash(item) for item in value]))
        if isinstance(value, Mapping):
            return self.hash_mapping(value)
        if type(value) is int or type(value) is float:
            if value == -1:  # CPython hashes -1 as -2
                return hash((type(value), _MINUS_ONE_HASH))
            return _NAN_HASH if value != value else hash((type(value), value))
        if (np := sys.modules.get("numpy")) is not None and isinstance(value, np.ndarray):
            return hash((np.ndarray, value.dtype.str, value.shape, value.tobytes()))
        try:
            return hash((type(value), value))
        except TypeError:  # an unhashable value compared by `==`: hash its type only
            return hash(type(value))

    def hash_mapping(self, value: Mapping[Any, Any]) -> int:
        if not value:
            return _MAP_HASH
        items = list(value.items())
        if not isinstance(items[0][0], Node):  # compared by key: hash in a fixed key order
            items.sort(key=lambda item: repr(item[0]))
            return hash((_MAP_HASH, *[hash((self.hash(k), self.hash(v))) for k, v in items]))
        # Node keys compare unordered: hash the entries in the order of their keys' hashes
        # (parameters are numbered already), so values number their own variables alike.
        keyed = sorted(((self.hash(k), v) for k, v in items), key=lambda item: item[0])
        return hash((_MAP_HASH, *[hash((k, self.hash(v))) for k, v in keyed]))
