"""Struct-info analyses (TVM's ``struct_info_analysis.cc``), at the IR level.

- `base_check` / `is_base_of`: whether every value of one struct info is a value of another,
  graded as TVM's ``BaseCheckResult`` (an annotation may be less specific than what is
  inferred, and more specific only where a run-time check could hold: never ``FAIL_L0``).
- `struct_info_lca`: the least upper bound of two struct infos (the struct info of an ``if``).
- `erase_to_well_defined`: a struct info with the symbolic dimensions that are not defined in
  a scope removed (or replaced through a mapping), as TVM does after a scope ends and when it
  derives the result of a call.
- `func_struct_info`, `prim_func_struct_info`, `derive_call_ret_struct_info`: the struct info
  of functions and of calls to them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from tvmscript.core.ir.node import Node, node_fields, replace_fields
from tvmscript.core.ir.structural import structural_equal
from tvmscript.core.relax.expr import Binding, BindingBlock, Expr, Function, ShapeExpr
from tvmscript.core.relax.op._simplify import prove_equal, simplify
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.struct_info import (
    UNKNOWN_NDIM,
    VOID,
    FuncStructInfo,
    ObjectStructInfo,
    PrimStructInfo,
    ShapeStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E

if TYPE_CHECKING:
    from tvmscript.core.tir.function import PrimFunc

__all__ = [
    "BaseCheck",
    "CallMismatch",
    "base_check",
    "collect_tir_vars",
    "definable_tir_vars",
    "derive_call_ret_struct_info",
    "erase_to_well_defined",
    "func_struct_info",
    "is_base_of",
    "is_leaf",
    "match_struct_info",
    "prim_func_struct_info",
    "replace_vars",
    "sinfo_text",
    "struct_info_lca",
    "substitute",
]


class BaseCheck(IntEnum):
    """How far a value of the derived struct info is known to be a value of the base one."""

    FAIL_L0 = 0
    """Statically impossible (another kind, dtype or rank)."""
    FAIL_L1 = 1
    """Needs a run-time check of the kind, dtype or rank (the derived side is less known)."""
    FAIL_L2 = 2
    """Needs a run-time check of symbolic dimensions (they cannot be proven equal)."""
    PASS = 3
    """Always holds."""


# ---------------------------------------------------------------------------------------------
# TIR expressions inside struct info


def substitute(e: E.PrimExpr, var_map: Mapping[E.Var, E.PrimExpr]) -> E.PrimExpr:
    """``e`` with each variable of ``var_map`` replaced (unchanged nodes are kept)."""
    if not var_map:
        return e
    out: E.PrimExpr = _substitute(e, var_map)
    return out


def _substitute(e: Any, var_map: Mapping[E.Var, E.PrimExpr]) -> Any:
    if isinstance(e, E.Var):
        return var_map.get(e, e)
    if not isinstance(e, E.PrimExpr):
        return e
    changes: dict[str, object] = {}
    for name, _ in node_fields(type(e)):
        value = getattr(e, name)
        if isinstance(value, E.PrimExpr):
            new = _substitute(value, var_map)
            if new is not value:
                changes[name] = new
    return replace_fields(e, **changes) if changes else e


def _walk_prim(e: object) -> Iterator[E.PrimExpr]:
    if not isinstance(e, E.PrimExpr):
        return
    yield e
    for name, _ in node_fields(type(e)):
        yield from _walk_prim(getattr(e, name))


def _prim_vars(e: E.PrimExpr) -> list[E.Var]:
    if isinstance(e, E.Var):  # the common dimension: a bare variable
        return [e]
    if isinstance(e, E.IntImm):
        return []
    return [sub for sub in _walk_prim(e) if isinstance(sub, E.Var)]


def _info_prims(info: StructInfo) -> Iterator[tuple[E.PrimExpr, bool]]:
    """Each TIR expression of ``info`` with whether it sits in a defining position."""
    match info:
        case TensorStructInfo(shape=ShapeExpr(values=values)):
            for v in values:
                yield v, True
        case ShapeStructInfo(values=values) if values is not None:
            for v in values:
                yield v, True
        case PrimStructInfo(value=value) if value is not None:
            yield value, True
        case TupleStructInfo(fields=fields):
            for f in fields:
                yield from _info_prims(f)
        case FuncStructInfo(params=params, ret=ret):
            for p in params or ():
                yield from ((e, False) for e, _ in _info_prims(p))
            yield from ((e, False) for e, _ in _info_prims(ret))


def definable_tir_vars(info: StructInfo) -> list[E.Var]:
    """The symbolic variables ``info`` defines when it annotates a parameter or a match_cast.

    Those are dimensions (and PrimValue values) that are a bare variable: ``n`` in
    ``R.Tensor((n, 4))`` defines ``n``, ``n * m`` in ``R.Tensor((n * m,))`` defines nothing.
    """
    out: list[E.Var] = []
    for e, defining in _info_prims(info):
        if defining and isinstance(e, E.Var) and e not in out:
            out.append(e)
    return out


def collect_tir_vars(info: StructInfo) -> list[E.Var]:
    """Every symbolic variable ``info`` mentions, in order of appearance."""
    out: list[E.Var] = []
    for e, _ in _info_prims(info):
        for v in _prim_vars(e):
            if v not in out:
                out.append(v)
    return out


# ---------------------------------------------------------------------------------------------
# Base check


def _combine(a: BaseCheck, b: BaseCheck) -> BaseCheck:
    return a if a < b else b


def _other_kind(derived: StructInfo) -> BaseCheck:
    return BaseCheck.FAIL_L1 if isinstance(derived, ObjectStructInfo) else BaseCheck.FAIL_L0


def _prim_match(a: E.PrimExpr, b: E.PrimExpr) -> BaseCheck:
    if isinstance(a, E.IntImm) and isinstance(b, E.IntImm):
        return BaseCheck.PASS if a.value == b.value else BaseCheck.FAIL_L0
    return BaseCheck.PASS if a is b or prove_equal(a, b) else BaseCheck.FAIL_L2


class _Checker:
    """TVM's ``StructInfoBaseChecker``; `_Matcher` binds symbolic variables as it goes."""

    def prim(self, base: E.PrimExpr, derived: E.PrimExpr) -> BaseCheck:
        return _prim_match(base, derived)

    def shape_expr(self, base: Expr, derived: Expr) -> BaseCheck:
        if base is derived:
            return BaseCheck.PASS
        if isinstance(base, ShapeExpr) and isinstance(derived, ShapeExpr):
            return self.dims(base.values, derived.values)
        return BaseCheck.FAIL_L2

    def dims(self, base: Sequence[E.PrimExpr], derived: Sequence[E.PrimExpr]) -> BaseCheck:
        if len(base) != len(derived):
            return BaseCheck.FAIL_L0
        result = BaseCheck.PASS
        for a, b in zip(base, derived, strict=True):
            result = _combine(result, self.prim(a, b))
            if result == BaseCheck.FAIL_L0:
                return result
        return result

    def check(self, base: StructInfo, derived: StructInfo) -> BaseCheck:
        match base:
            case ObjectStructInfo():
                return BaseCheck.PASS
            case PrimStructInfo():
                return self._prim_info(base, derived)
            case ShapeStructInfo():
                return self._shape(base, derived)
            case TensorStructInfo():
                return self._tensor(base, derived)
            case TupleStructInfo():
                if not isinstance(derived, TupleStructInfo):
                    return _other_kind(derived)
                return self.fields(base.fields, derived.fields)
            case FuncStructInfo():
                return self._func(base, derived)
        return BaseCheck.FAIL_L0

    def fields(self, base: Sequence[StructInfo], derived: Sequence[StructInfo]) -> BaseCheck:
        if len(base) != len(derived):
            return BaseCheck.FAIL_L0
        result = BaseCheck.PASS
        for a, b in zip(base, derived, strict=True):
            result = _combine(result, self.check(a, b))
            if result == BaseCheck.FAIL_L0:
                return result
        return result

    def _prim_info(self, base: PrimStructInfo, derived: StructInfo) -> BaseCheck:
        if not isinstance(derived, PrimStructInfo):
            return _other_kind(derived)
        if base.dtype != derived.dtype:
            return BaseCheck.FAIL_L0
        if base.value is None:
            return BaseCheck.PASS
        if derived.value is None:
            return BaseCheck.FAIL_L2
        return self.prim(base.value, derived.value)

    def _shape(self, base: ShapeStructInfo, derived: StructInfo) -> BaseCheck:
        if not isinstance(derived, ShapeStructInfo):
            return _other_kind(derived)
        if base.ndim == UNKNOWN_NDIM:
            return BaseCheck.PASS
        if base.ndim != derived.ndim:
            return BaseCheck.FAIL_L1 if derived.ndim == UNKNOWN_NDIM else BaseCheck.FAIL_L0
        if base.values is None:
            return BaseCheck.PASS
        if derived.values is None:
            return BaseCheck.FAIL_L2
        return self.dims(base.values, derived.values)

    def _tensor(self, base: TensorStructInfo, derived: StructInfo) -> BaseCheck:
        if not isinstance(derived, TensorStructInfo):
            return _other_kind(derived)
        if base.dtype != VOID and base.dtype != derived.dtype:
            return BaseCheck.FAIL_L1 if derived.dtype == VOID else BaseCheck.FAIL_L0
        if base.ndim != UNKNOWN_NDIM and base.ndim != derived.ndim:
            return BaseCheck.FAIL_L1 if derived.ndim == UNKNOWN_NDIM else BaseCheck.FAIL_L0
        if (device := _vdevice_check(base, derived)) is not None:
            return device
        if base.shape is None:
            return BaseCheck.PASS
        if derived.shape is None:
            return BaseCheck.FAIL_L2
        return self.shape_expr(base.shape, derived.shape)

    def _func(self, base: FuncStructInfo, derived: StructInfo) -> BaseCheck:
        if not isinstance(derived, FuncStructInfo):
            return _other_kind(derived)
        if base.purity and not derived.purity:
            return BaseCheck.FAIL_L0
        if base.params is None:
            if base.derive_func is not None:
                same = base.derive_func == derived.derive_func
                return BaseCheck.PASS if same else BaseCheck.FAIL_L2
            return self.check(base.ret, derived.ret)
        if derived.params is None:
            return BaseCheck.FAIL_L2
        if structural_equal(base, derived):
            return BaseCheck.PASS
        params = self.fields(base.params, derived.params)
        if params == BaseCheck.FAIL_L1:
            params = BaseCheck.FAIL_L2
        return _combine(params, self.check(base.ret, derived.ret))


def _vdevice_check(base: TensorStructInfo, derived: TensorStructInfo) -> BaseCheck | None:
    if base.vdevice is None:
        return None
    if derived.vdevice is None:
        return BaseCheck.FAIL_L1
    a, b = base.vdevice, derived.vdevice
    if a is b:
        return None
    same = (
        dict(a.target.config) == dict(b.target.config)
        and a.vdevice_id == b.vdevice_id
        and a.memory_scope == b.memory_scope
    )
    return None if same else BaseCheck.FAIL_L0


def base_check(base: StructInfo, derived: StructInfo) -> BaseCheck:
    """How far every value of ``derived`` is known to be a value of ``base``."""
    return _Checker().check(base, derived)


def is_base_of(base: StructInfo, derived: StructInfo) -> bool:
    """Whether every value of ``derived`` is a value of ``base`` (provably)."""
    return base_check(base, derived) == BaseCheck.PASS


# ---------------------------------------------------------------------------------------------
# Least upper bound


def struct_info_lca(a: StructInfo, b: StructInfo) -> StructInfo:
    """The most specific struct info of which both ``a`` and ``b`` are special cases."""
    if isinstance(a, ObjectStructInfo) or isinstance(b, ObjectStructInfo):
        return ObjectStructInfo()
    match a:
        case PrimStructInfo():
            return _lca_prim(a, b)
        case ShapeStructInfo():
            return _lca_shape(a, b)
        case TensorStructInfo():
            return _lca_tensor(a, b)
        case TupleStructInfo():
            if not isinstance(b, TupleStructInfo) or len(a.fields) != len(b.fields):
                return ObjectStructInfo()
            return TupleStructInfo(
                tuple(struct_info_lca(x, y) for x, y in zip(a.fields, b.fields, strict=True))
            )
        case FuncStructInfo():
            return _lca_func(a, b)
    return ObjectStructInfo()


def _same_dims(a: Sequence[E.PrimExpr], b: Sequence[E.PrimExpr]) -> bool:
    return len(a) == len(b) and all(x is y or prove_equal(x, y) for x, y in zip(a, b, strict=True))


def _lca_prim(a: PrimStructInfo, b: StructInfo) -> StructInfo:
    if not isinstance(b, PrimStructInfo) or a.dtype != b.dtype:
        return ObjectStructInfo()
    if a.value is None:
        return a
    if b.value is not None and (a.value is b.value or prove_equal(a.value, b.value)):
        return a
    return PrimStructInfo(a.dtype)


def _lca_shape(a: ShapeStructInfo, b: StructInfo) -> StructInfo:
    if not isinstance(b, ShapeStructInfo):
        return ObjectStructInfo()
    if a.ndim != b.ndim:
        return ShapeStructInfo(ndim=UNKNOWN_NDIM)
    if a.values is None or b.values is None or not _same_dims(a.values, b.values):
        return a if a.values is None else ShapeStructInfo(ndim=a.ndim)
    return a


def _same_shape(a: Expr, b: Expr) -> bool:
    if a is b:
        return True
    if isinstance(a, ShapeExpr) and isinstance(b, ShapeExpr):
        return _same_dims(a.values, b.values)
    return False


def _lca_tensor(a: TensorStructInfo, b: StructInfo) -> StructInfo:
    if not isinstance(b, TensorStructInfo):
        return ObjectStructInfo()
    dtype = a.dtype if a.dtype == b.dtype else VOID
    ndim = a.ndim if a.ndim == b.ndim else UNKNOWN_NDIM
    vdevice = a.vdevice if a.vdevice is not None and a.vdevice is b.vdevice else None
    if a.shape is None or b.shape is None or a.ndim != b.ndim or not _same_shape(a.shape, b.shape):
        if a.shape is None and a.dtype == dtype and a.ndim == ndim and a.vdevice is vdevice:
            return a
        return TensorStructInfo(None, dtype, ndim, vdevice)
    if a.dtype != dtype or a.vdevice is not vdevice:
        return TensorStructInfo(a.shape, dtype, vdevice=vdevice)
    return a


def _lca_func(a: FuncStructInfo, b: StructInfo) -> StructInfo:
    if not isinstance(b, FuncStructInfo):
        return ObjectStructInfo()
    purity = a.purity and b.purity
    ret = struct_info_lca(a.ret, b.ret)
    if a.params is None or b.params is None:
        if a.params is None and b.params is None and a.derive_func == b.derive_func:
            return FuncStructInfo(None, ret, purity, a.derive_func)
        return FuncStructInfo(None, ret, purity)
    if len(a.params) != len(b.params) or not structural_equal(
        TupleStructInfo(a.params), TupleStructInfo(b.params)
    ):
        return FuncStructInfo(None, ret, purity)
    return FuncStructInfo(a.params, ret, purity)


# ---------------------------------------------------------------------------------------------
# Erasure


VarMap = Mapping[E.Var, E.PrimExpr]
Defined = Callable[[E.Var], bool]


@dataclass(slots=True)
class _Eraser:
    var_map: VarMap
    defined: Defined

    def dim(self, e: E.PrimExpr) -> E.PrimExpr | None:
        """``e`` mapped, or None when it uses a variable that is neither mapped nor defined."""
        for v in _prim_vars(e):
            if v not in self.var_map and not self.defined(v):
                return None
        new = substitute(e, self.var_map)
        return new if new is e else simplify(new)

    def dims(self, values: Sequence[E.PrimExpr]) -> tuple[E.PrimExpr, ...] | None:
        out: list[E.PrimExpr] = []
        for v in values:
            if (new := self.dim(v)) is None:
                return None
            out.append(new)
        return tuple(out)

    def erase(self, info: StructInfo) -> StructInfo:
        match info:
            case PrimStructInfo(value=value) if value is not None:
                new = self.dim(value)
                if new is None:
                    return PrimStructInfo(info.dtype)
                return info if new is value else PrimStructInfo(info.dtype, new)
            case ShapeStructInfo(values=values) if values is not None:
                dims = self.dims(values)
                if dims is None:
                    return ShapeStructInfo(ndim=info.ndim)
                return info if _unchanged(dims, values) else ShapeStructInfo(dims)
            case TensorStructInfo(shape=ShapeExpr(values=values)):
                dims = self.dims(values)
                if dims is None:
                    return TensorStructInfo(None, info.dtype, info.ndim, info.vdevice)
                if _unchanged(dims, values):
                    return info
                shape = ShapeExpr(dims, struct_info=ShapeStructInfo(dims))
                return TensorStructInfo(shape, info.dtype, info.ndim, info.vdevice)
            case TupleStructInfo(fields=fields):
                new_fields = tuple(self.erase(f) for f in fields)
                if all(a is b for a, b in zip(new_fields, fields, strict=True)):
                    return info
                return TupleStructInfo(new_fields)
        return info


def _unchanged(new: Sequence[E.PrimExpr], old: Sequence[E.PrimExpr]) -> bool:
    return all(a is b for a, b in zip(new, old, strict=True))


def erase_to_well_defined(
    info: StructInfo, var_map: VarMap | None = None, defined: Defined | None = None
) -> StructInfo:
    """``info`` with the symbolic variables of ``var_map`` replaced and undefined ones erased.

    A variable is kept when ``defined(var)`` holds (everything is defined when ``defined`` is
    None). A shape that uses an undefined variable becomes unknown (its rank is kept), a
    PrimValue's value likewise. Function struct info is kept as it is: its parameters define
    their own variables.
    """
    return _Eraser(var_map or {}, defined or _always).erase(info)


def _always(var: E.Var) -> bool:
    del var
    return True


# ---------------------------------------------------------------------------------------------
# Functions and calls


def func_struct_info(func: Function) -> FuncStructInfo:
    """The struct info of a Relax function: its parameters', its result's and its purity."""
    params = tuple(p.struct_info or ObjectStructInfo() for p in func.params)
    return FuncStructInfo(params, func.ret_struct_info, func.is_pure)


def prim_func_struct_info(func: PrimFunc) -> FuncStructInfo:
    """The struct info of a PrimFunc seen from Relax: tensors for buffers, an impure call."""
    params: list[StructInfo] = []
    for var in func.params:
        if (buffer := func.buffer_map.get(var)) is not None:
            shape = ShapeExpr(tuple(_int64(d) for d in buffer.shape))
            params.append(TensorStructInfo(shape, buffer.dtype))
        else:
            params.append(PrimStructInfo(var.dtype))
    return FuncStructInfo(tuple(params), TupleStructInfo(()), purity=False)


def _int64(dim: E.PrimExpr) -> E.PrimExpr:
    """A buffer dimension as Relax writes it (integer constants are int64)."""
    if isinstance(dim, E.IntImm) and dim.dtype != "int64":
        return E.IntImm("int64", dim.value)
    return dim


class _Matcher(_Checker):
    """A base check that binds the base side's bare symbolic variables to the derived values."""

    def __init__(self, var_map: dict[E.Var, E.PrimExpr]) -> None:
        self.var_map = var_map

    def prim(self, base: E.PrimExpr, derived: E.PrimExpr) -> BaseCheck:
        if isinstance(base, E.Var) and base not in self.var_map:
            self.var_map[base] = derived
            return BaseCheck.PASS
        return _prim_match(substitute(base, self.var_map), derived)


def match_struct_info(
    base: StructInfo, derived: StructInfo, var_map: dict[E.Var, E.PrimExpr]
) -> BaseCheck:
    """`base_check` that binds ``base``'s symbolic variables to ``derived``'s (in ``var_map``)."""
    return _Matcher(var_map).check(base, derived)


class CallMismatch(ValueError):
    """A call whose arguments do not fit the callee's parameters.

    ``code`` is the diagnostic code; ``index`` the offending argument (None: the count).
    """

    def __init__(self, message: str, code: str, index: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.index = index


def derive_call_ret_struct_info(
    callee: FuncStructInfo,
    args: Sequence[StructInfo],
    sinfo_args: Sequence[StructInfo] = (),
    name: str = "the function",  # `function 'f'`
) -> StructInfo:
    """The struct info of calling ``callee`` with arguments of struct info ``args``.

    The parameters' symbolic variables are bound to the arguments' dimensions and substituted
    into the result; variables left unbound are erased. Raises `CallMismatch` for a wrong
    number of arguments or an argument that can never fit its parameter.
    """
    if callee.params is None:
        if sinfo_args:
            return sinfo_args[0] if len(sinfo_args) == 1 else TupleStructInfo(tuple(sinfo_args))
        return callee.ret
    if len(callee.params) != len(args):
        raise CallMismatch(
            f"{name} takes {len(callee.params)} argument{_plural(len(callee.params))} "
            f"but is called with {len(args)}",
            "call-arity-mismatch",
        )
    var_map: dict[E.Var, E.PrimExpr] = {}
    for i, (param, arg) in enumerate(zip(callee.params, args, strict=True)):
        if match_struct_info(param, arg, var_map) == BaseCheck.FAIL_L0:
            expected = erase_to_well_defined(param, var_map)
            raise CallMismatch(
                f"argument {i} of {name} does not fit its parameter: expected "
                f"{sinfo_text(expected)}, got {sinfo_text(arg)}",
                "call-argument-mismatch",
                i,
            )
    return erase_to_well_defined(callee.ret, var_map, lambda v: False)


def _plural(n: int) -> str:
    return "" if n == 1 else "s"


def is_leaf(expr: Node) -> bool:
    """Whether ``expr`` may appear as a call argument in normal form (no binding needed)."""
    from tvmscript.core.ir.module import GlobalVar
    from tvmscript.core.ir.op import Op
    from tvmscript.core.relax import expr as X

    return isinstance(
        expr,
        X.Var
        | X.Constant
        | X.ShapeExpr
        | X.PrimValue
        | X.StringImm
        | X.DataTypeImm
        | X.ExternFunc
        | GlobalVar
        | Op,
    )


def replace_vars(node: Any, mapping: Mapping[Node, Node]) -> Any:
    """``node`` (an expression, binding or block) with Relax variables replaced by ``mapping``.

    Unchanged subtrees are kept; struct info is carried over as it is.
    """
    if not mapping:
        return node
    return _replace(node, mapping)


def _replace(node: Any, mapping: Mapping[Node, Node]) -> Any:
    if isinstance(node, tuple):
        items = tuple(_replace(item, mapping) for item in node)
        return node if all(a is b for a, b in zip(items, node, strict=True)) else items
    if not isinstance(node, Expr | Binding | BindingBlock):
        return node
    if (new := mapping.get(node)) is not None:
        return new
    changes: dict[str, object] = {}
    for name, _ in node_fields(type(node)):
        if name in ("struct_info", "span"):
            continue
        value = getattr(node, name)
        replaced = _replace(value, mapping)
        if replaced is not value:
            changes[name] = replaced
    return replace_fields(node, **changes) if changes else node
