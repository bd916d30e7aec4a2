"""``legalize(mod)``: Relax operator calls become ``R.call_tir`` of PrimFuncs (TVM's LegalizeOps).

Every Relax function of the module is rewritten: a call of an operator with a legalization is
replaced by what the legalization returns (an ``R.call_tir`` whose PrimFunc is added to the
module), calls the virtual machine runs itself (``R.call_tir``, ``R.shape_of``, packed calls,
closures, ...) are kept, and any other operator raises `LegalizeError` naming it. PrimFuncs are
named after the operator (``add``, ``add1``, ...) and shared between calls that need the same
one (structurally equal), as TVM's block builder does.

A call whose tensors have no known shape is kept too (as TVM does). ``sort_scan=False`` keeps
``R.cumsum``, ``R.cumprod``, ``R.sort``, ``R.argsort`` and ``R.topk`` as they are, as TVM's
LegalizeOps does (TVM lowers them in a separate pass).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.ir.node import Node, replace_fields
from tvmscript.core.ir.op import Op
from tvmscript.core.ir.structural import structural_equal, structural_hash
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.op.call import call_packed, call_pure_packed
from tvmscript.core.relax.op.registry import op_def
from tvmscript.core.relax.struct_info import TupleStructInfo
from tvmscript.core.tir.function import PrimFunc
from tvmscript.transform import ops  # noqa: F401  (registers the legalizations)
from tvmscript.transform.errors import LegalizeError, UnknownShape
from tvmscript.transform.registry import OpCall, legalization

SORT_SCAN: Final = frozenset(["cumsum", "cumprod", "sort", "argsort", "topk"])
"""Operators TVM's LegalizeOps leaves to a later pass (``DispatchSortScan``)."""

KEPT_PREFIXES: Final = ("builtin.", "memory.", "vm.")
"""Families of VM-level operators, kept whole (``R.builtin.*``, ``R.memory.*``, ``R.vm.*``)."""
KEPT: Final = frozenset(
    [
        "call_tir",
        "call_tir_inplace",
        "call_tir_with_grad",
        "call_dps_packed",
        "call_pure_packed",
        "call_inplace_packed",
        "call_py_func",
        "call_builtin_with_ctx",
        "shape_of",
        "tensor_to_shape",
        "null_value",
        "make_closure",
        "invoke_closure",
        "invoke_pure_closure",
        "hint_on_device",
        "to_vdevice",
        "wrap_param",
        "multinomial_from_uniform",
    ]
)
"""Operators the virtual machine runs itself (as in TVM, they stay as they are): calls,
shapes, closures, memory, printing and assertions, device hints, and the operators whose
result shape depends on the data."""

PACKED: Final = {
    "print": "relax.run.print",
    "assert_op": "relax.run.assert_op",
    "nonzero": "relax.run.nonzero",
    "unique": "relax.run.unique",
}
"""Operators that become calls of the VM's packed functions, as TVM lowers them."""


def legalize(mod: IRModule, *, sort_scan: bool = True) -> IRModule:
    """``mod`` with every Relax operator call that has a TIR meaning lowered to a PrimFunc.

    Raises `LegalizeError` (naming the operator and the binding's span) for an operator with
    no meaning on a CPU, such as the distributed ``R.ccl.*``.
    """
    sink = _ModuleSink(mod)
    keep = KEPT if sort_scan else KEPT | SORT_SCAN
    rewritten: dict[GlobalVar, Node] = {}
    for gv, func in mod.functions.items():
        if isinstance(func, rx.Function):
            rewritten[gv] = _Rewriter(sink, keep).function(func)
        else:
            rewritten[gv] = func
    rewritten.update(sink.added)
    return IRModule(rewritten, mod.attrs, mod.global_infos, span=mod.span)


@dataclass(eq=False)
class _ModuleSink:
    """The module's function names, and the PrimFuncs added so far (for sharing)."""

    mod: IRModule
    added: dict[GlobalVar, PrimFunc] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    by_hash: dict[int, list[tuple[PrimFunc, GlobalVar]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for gv, func in self.mod.functions.items():
            self.names.add(gv.name_hint)
            if isinstance(func, PrimFunc):
                self._remember(func, gv)

    def _remember(self, func: PrimFunc, gv: GlobalVar) -> None:
        self.by_hash.setdefault(structural_hash(func), []).append((func, gv))

    def add_func(self, func: PrimFunc, name_hint: str) -> GlobalVar:
        for known, gv in self.by_hash.get(structural_hash(func), []):
            if structural_equal(known, func):
                return gv
        name = name_hint
        counter = 0
        while name in self.names:
            counter += 1
            name = f"{name_hint}{counter}"
        self.names.add(name)
        gv = GlobalVar(name)
        self.added[gv] = func
        self._remember(func, gv)
        return gv


@dataclass(eq=False)
class _Rewriter:
    """Rewrites one Relax function, legalizing its operator calls."""

    sink: _ModuleSink
    keep: frozenset[str]

    def function(self, func: rx.Function) -> rx.Function:
        body = self.expr(func.body)
        return func if body is func.body else replace_fields(func, body=body)

    def expr(self, e: rx.Expr) -> rx.Expr:
        match e:
            case rx.SeqExpr():
                return self.seq_expr(e)
            case rx.Function():
                return self.function(e)
            case rx.If():
                return self._replace(
                    e,
                    true_branch=self.expr(e.true_branch),
                    false_branch=self.expr(e.false_branch),
                )
            case _:
                return e

    def seq_expr(self, e: rx.SeqExpr) -> rx.SeqExpr:
        blocks = tuple(self.block(b) for b in e.blocks)
        body = self.expr(e.body)
        if body is e.body and all(a is b for a, b in zip(blocks, e.blocks, strict=True)):
            return e
        return replace_fields(e, blocks=blocks, body=body)  # type: ignore[no-any-return]

    def block(self, b: rx.BindingBlock) -> rx.BindingBlock:
        bindings = tuple(self.binding(x) for x in b.bindings)
        if all(x is y for x, y in zip(bindings, b.bindings, strict=True)):
            return b
        return replace_fields(b, bindings=bindings)  # type: ignore[no-any-return]

    def binding(self, b: rx.Binding) -> rx.Binding:
        if not isinstance(b, rx.VarBinding | rx.MatchCast):
            return b
        value = b.value
        if isinstance(value, rx.Call) and isinstance(value.op, Op):
            new = self.call(value, b)
        else:
            new = self.expr(value)
        return b if new is value else replace_fields(b, value=new)

    def call(self, call: rx.Call, binding: rx.Binding) -> rx.Expr:
        definition = op_def(call.op)
        if definition is None:
            return call
        name = definition.script_name
        span = binding.span or call.span or binding.var.span
        if name in self.keep or name.startswith(KEPT_PREFIXES):
            return call
        if (packed := PACKED.get(name)) is not None:
            return _packed_call(packed, call, definition.pure)
        if (legalize_fn := legalization(name)) is None:
            raise LegalizeError(f"R.{name}", _why_not(name), span)
        try:
            return legalize_fn(OpCall(call, name, self.sink, span))
        except UnknownShape:  # legalized once the shapes are known, as TVM leaves it
            return call

    @staticmethod
    def _replace(e: rx.Expr, **changes: rx.Expr) -> rx.Expr:
        if all(getattr(e, k) is v for k, v in changes.items()):
            return e
        replaced: rx.Expr = replace_fields(e, **changes)
        return replaced


def _packed_call(func: str, call: rx.Call, pure: bool) -> rx.Expr:
    """``call`` as a call of the packed function ``func`` with the same arguments."""
    if pure:
        info = call.struct_info
        assert info is not None
        return call_pure_packed(func, *call.args, ty_args=info)
    return call_packed(func, *call.args, ty_args=TupleStructInfo(()))


def _why_not(name: str) -> str:
    if name.startswith(("ccl.", "dist.")):
        return "a distributed operator has no meaning on a single CPU"
    return "this operator has no TIR legalization here"
