"""The native arguments of one kernel call, proven against the kernel's signature.

A PrimFunc's buffers have their own symbolic dimensions; at a call they are unified with the
Relax struct info of the arguments (`KernelCallPlan.unify`): a kernel variable becomes the
Relax-side `SExpr` it stands for, and every other dimension is compared. What the compiler
proves needs no run-time work; what it cannot prove becomes a `Guard` checked on each call;
what it proves false is a `VMCompileError`. So native code only ever sees arrays it was
generated for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tvmscript.codegen.llvm.module import KernelSignature
from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import expr as E
from tvmscript.runtime.vm.errors import VMCompileError
from tvmscript.runtime.vm.exprs import SExpr, Unbound, fold, is_const, lower_expr
from tvmscript.runtime.vm.program import Guard


@dataclass(frozen=True)
class ArrayOperand:
    """An array argument: its register, and its dtype / dims as far as they are known."""

    reg: int
    dtype: str | None
    dims: tuple[SExpr, ...] | None
    name: str


@dataclass(frozen=True)
class ScalarOperand:
    """A scalar argument (a ``tir_vars`` entry or a PrimValue)."""

    value: SExpr
    name: str


Operand = ArrayOperand | ScalarOperand


@dataclass
class KernelCallPlan:
    """Unifies one call's operands with ``sig`` and collects the native arguments."""

    sig: KernelSignature
    where: str
    kvals: dict[E.Var, SExpr] = field(default_factory=dict)
    guards: list[Guard] = field(default_factory=list)
    deferred: list[tuple[E.PrimExpr, SExpr, str]] = field(default_factory=list)

    def fail(self, message: str) -> VMCompileError:
        return VMCompileError(f"{self.where}: {message}")

    def lookup(self, var: E.Var) -> SExpr:
        if (value := self.kvals.get(var)) is None:
            raise Unbound(var)
        return value

    def require_equal(self, kernel_side: SExpr, relax_side: SExpr, what: str) -> None:
        if kernel_side == relax_side:
            return
        if is_const(kernel_side) and is_const(relax_side):
            raise self.fail(f"{what} is {relax_side}, but the PrimFunc expects {kernel_side}")
        self.guards.append(Guard("eq", what, lhs=kernel_side, rhs=relax_side))

    def match_dim(self, kdim: E.PrimExpr, rdim: SExpr, what: str) -> None:
        if isinstance(kdim, E.Var) and kdim not in self.kvals:
            self.kvals[kdim] = rdim
            return
        try:
            kernel_side = lower_expr(kdim, self.lookup)
        except Unbound:
            self.deferred.append((kdim, rdim, what))
            return
        self.require_equal(kernel_side, rdim, what)

    def unify(
        self, operands: list[Operand], unknown: frozenset[int] = frozenset()
    ) -> dict[int, tuple[SExpr, ...]]:
        """Bind the kernel's variables from ``operands`` (scalars first) and compare the rest.

        Operands at the indices of ``unknown`` are outputs whose shape the call does not say:
        their dims, as the kernel's signature gives them, are returned.
        """
        params = self.sig.params
        if len(operands) != len(params):
            raise self.fail(
                f"the PrimFunc '{self.sig.name}' takes {len(params)} arguments, "
                f"the call gives {len(operands)}"
            )
        for p, op in zip(params, operands, strict=True):
            if p.buffer is None:
                if not isinstance(op, ScalarOperand):
                    raise self.fail(f"parameter '{p.name}' is a scalar, got the array '{op.name}'")
                self.kvals[p.var] = op.value
        for i, (p, op) in enumerate(zip(params, operands, strict=True)):
            if p.buffer is not None and i not in unknown:
                if not isinstance(op, ArrayOperand):
                    raise self.fail(f"parameter '{p.name}' is a buffer, got a scalar")
                self.unify_array(p.buffer, op)
        for kdim, rdim, what in self.deferred:
            try:
                kernel_side = lower_expr(kdim, self.lookup)
            except Unbound as exc:
                raise self.fail(f"cannot tell the value of '{exc.var.name}' ({what})") from None
            self.require_equal(kernel_side, rdim, what)
        self.deferred.clear()
        return {i: self.buffer_dims(i) for i in sorted(unknown)}

    def unify_array(self, buf: Any, op: ArrayOperand) -> None:
        ndim = len(buf.shape)
        dims = op.dims
        known = dims is not None and op.dtype is not None
        if dims is not None and len(dims) != ndim:
            raise self.fail(
                f"'{op.name}' has {len(dims)} dimensions, but the PrimFunc's buffer "
                f"'{buf.name}' has {ndim}"
            )
        if op.dtype is not None and not _same_dtype(op.dtype, buf.dtype):
            raise self.fail(
                f"'{op.name}' has dtype {op.dtype}, but the PrimFunc's buffer "
                f"'{buf.name}' has dtype {buf.dtype}"
            )
        if not known:
            text = f"'{op.name}' ({buf.dtype}, {ndim} dimensions)"
            self.guards.append(Guard("array", text, reg=op.reg, dtype=buf.dtype, ndim=ndim))
        rdims = dims if dims is not None else tuple(("shape", op.reg, k) for k in range(ndim))
        for k, (kdim, rdim) in enumerate(zip(buf.shape, rdims, strict=True)):
            self.match_dim(kdim, rdim, f"dimension {k} of '{op.name}'")
        if buf.strides:
            for k, stride in enumerate(buf.strides):
                self.match_dim(stride, _row_major(rdims, k), f"stride {k} of '{op.name}'")
        offset = buf.elem_offset
        if isinstance(offset, E.Var):
            self.match_dim(offset, 0, f"the element offset of '{op.name}'")
        elif isinstance(offset, E.IntImm) and offset.value != 0:
            raise self.fail(f"the PrimFunc's buffer '{buf.name}' starts at an offset")

    def buffer_dims(self, index: int) -> tuple[SExpr, ...]:
        """The Relax-side dims of the kernel's buffer parameter ``index`` (after `unify`)."""
        buf = self.sig.params[index].buffer
        assert buf is not None
        try:
            return tuple(lower_expr(d, self.lookup) for d in buf.shape)
        except Unbound as exc:
            raise self.fail(f"cannot tell the value of '{exc.var.name}'") from None

    def native_args(self, operands: list[Operand]) -> tuple[tuple[Any, ...], ...]:
        """The native arguments: parameters in order, then the kernel's dimensions."""
        args: list[tuple[Any, ...]] = []
        if len(operands) != len(self.sig.params):
            raise self.fail("internal error: one operand per parameter expected")
        for op in operands:
            if isinstance(op, ArrayOperand):
                args.append(("ptr", op.reg))
            else:
                args.append(("val", op.value))
        for d in self.sig.dims:
            if (value := self.kvals.get(d.var)) is None:
                raise self.fail(f"cannot tell the value of '{d.name}' from the arguments")
            args.append(("val", value))
        return tuple(args)


def _row_major(dims: tuple[SExpr, ...], axis: int) -> SExpr:
    out: SExpr = 1
    for d in dims[axis + 1 :]:
        out = fold(("mul", out, d))
    return out


def _same_dtype(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return DataType.of(a) == DataType.of(b)
    except ValueError:
        return False
