"""Dead-code removal and static memory planning of one function's instructions.

An array the function allocates (a ``R.call_tir`` output) that never leaves it — it is only
read by kernels, checks and shape expressions, never returned, put in a tuple or passed to
Python — lives in a *slot*: storage that the function's instance keeps across calls. Arrays
whose lifetimes do not overlap share a slot (best fit by size; static sizes are known here,
dynamic ones grow at run time). Everything else is allocated per call, so what a caller
gets is never overwritten later.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tvmscript.core.ir.dtype import DataType
from tvmscript.runtime.vm.exprs import SExpr, const_ints
from tvmscript.runtime.vm.program import (
    Alloc,
    Allocate,
    CallClosure,
    CallDpsPacked,
    CallFunc,
    CallKernel,
    CallPacked,
    GetItem,
    If,
    Instr,
    Kill,
    MakeClosure,
    MakePrim,
    MakeShape,
    MakeTuple,
    Match,
    Move,
    Slot,
)

_PURE = (Move, MakeTuple, GetItem, MakeShape, MakePrim, MakeClosure)
ALIGN = 64


def sexpr_regs(s: Any) -> Iterator[int]:
    """The registers an `SExpr` reads."""
    if isinstance(s, tuple):
        if s and s[0] in ("r", "shape", "ndim"):
            yield int(s[1])
            return
        for part in s[1:]:
            yield from sexpr_regs(part)


def _kernel_reads(ins: CallKernel) -> Iterator[int]:
    for a in ins.args:
        if a[0] == "ptr":
            yield int(a[1])
        else:
            yield from sexpr_regs(a[1])
    for g in ins.guards:
        if g.kind == "array":
            yield g.reg
        yield from sexpr_regs(g.lhs)
        yield from sexpr_regs(g.rhs)


def _safe_reads(ins: Instr) -> Iterator[int]:
    """Registers ``ins`` only looks at (a kernel argument, a check, a shape)."""
    match ins:
        case Match(srcs=srcs) | CallDpsPacked(args=srcs):
            yield from srcs
        case CallKernel():
            yield from _kernel_reads(ins)
        case MakeShape(dims=dims):
            yield from (r for d in dims for r in sexpr_regs(d))
        case MakePrim(value=value):
            yield from sexpr_regs(value)
        case If(cond=cond):
            yield cond
        case Kill(reg=reg):
            yield reg


def _keeping_reads(ins: Instr) -> Iterator[int]:
    """Registers whose values ``ins`` may keep (in a tuple, a closure, Python's hands)."""
    match ins:
        case Move(src=src) | GetItem(src=src):
            yield src
        case MakeTuple(srcs=srcs) | MakeClosure(captured=srcs):
            yield from srcs
        case CallPacked(args=args) | CallFunc(args=args):
            yield from args
        case CallClosure(closure=closure, args=args):
            yield closure
            yield from args
        case If(then_result=a, else_result=b):
            yield a
            yield b


def reads(ins: Instr) -> Iterator[tuple[int, bool]]:
    """``(register, safe)`` for each register ``ins`` reads (not nested code).

    A safe read only looks at an array (a kernel argument, a check, a shape); any other
    may keep the value beyond the function's own use of it.
    """
    yield from ((r, True) for r in _safe_reads(ins))
    yield from ((r, False) for r in _keeping_reads(ins))


def _dst(ins: Instr) -> int | None:
    if isinstance(ins, _PURE):
        return ins.dst
    return None


def _all_reads(code: tuple[Instr, ...]) -> set[int]:
    out: set[int] = set()
    for ins in code:
        out.update(r for r, _ in reads(ins))
        if isinstance(ins, If):
            out |= _all_reads(ins.then) | _all_reads(ins.orelse)
    return out


def _drop_dead(code: tuple[Instr, ...], live: set[int]) -> tuple[Instr, ...]:
    out: list[Instr] = []
    for ins in code:
        if (dst := _dst(ins)) is not None and dst not in live:
            continue
        if isinstance(ins, If):
            ins = dataclasses.replace(
                ins, then=_drop_dead(ins.then, live), orelse=_drop_dead(ins.orelse, live)
            )
        out.append(ins)
    return tuple(out)


def remove_dead_code(code: tuple[Instr, ...], result: int) -> tuple[Instr, ...]:
    """``code`` without pure instructions whose results nothing reads."""
    while True:
        live = _all_reads(code) | {result}
        smaller = _drop_dead(code, live)
        if smaller == code:
            return code
        code = smaller


@dataclass
class _Life:
    alloc: Alloc
    start: int
    chain: tuple[int, ...]
    end: int = -1
    escapes: bool = False


@dataclass
class _Walker:
    """Numbers the instructions and records each allocation's lifetime."""

    lives: dict[int, _Life] = field(default_factory=dict)
    if_end: dict[int, int] = field(default_factory=dict)
    pos: int = 0

    def use(self, reg: int, safe: bool, chain: tuple[int, ...]) -> None:
        if (life := self.lives.get(reg)) is None:
            return
        if not safe:
            life.escapes = True
        depth = len(life.chain)
        at = self.pos if len(chain) <= depth else self.if_end.get(chain[depth], self.pos)
        life.end = max(life.end, at)

    def walk(self, code: tuple[Instr, ...], chain: tuple[int, ...]) -> None:
        for ins in code:
            self.pos += 1
            if isinstance(ins, If):
                key = id(ins)
                self.use(ins.cond, True, chain)
                self.walk(ins.then, (*chain, key))
                self.walk(ins.orelse, (*chain, key))
                self.pos += 1
                self.if_end[key] = self.pos
                self.use(ins.then_result, False, chain)
                self.use(ins.else_result, False, chain)
                continue
            for reg, safe in reads(ins):
                self.use(reg, safe, chain)
            for alloc in _allocs(ins):
                self.lives[alloc.reg] = _Life(alloc, self.pos, chain, self.pos)

    def finish_uses(self, code: tuple[Instr, ...]) -> None:
        """Second pass: uses inside branches need the ends of their `If`s (known now)."""
        self.pos = 0
        self.walk(code, ())


def _allocs(ins: Instr) -> tuple[Alloc, ...]:
    match ins:
        case CallKernel(outs=outs) | CallDpsPacked(outs=outs):
            return outs
        case Allocate(alloc=alloc):
            return (alloc,)
    return ()


def nbytes(alloc: Alloc) -> int | None:
    """The size of ``alloc`` in bytes when its shape is static."""
    if (dims := const_ints(alloc.shape)) is None:
        return None
    count = 1
    for d in dims:
        count *= d
    t = DataType.of(alloc.dtype)
    return count * max(1, (t.bits * t.lanes + 7) // 8)


def _round(n: int) -> int:
    return (n + ALIGN - 1) // ALIGN * ALIGN


def _assign(lives: list[_Life]) -> tuple[dict[int, int], list[Slot]]:
    """Slot of each planned allocation (register -> slot), by interval colouring."""
    slots: list[int | None] = []
    busy_until: list[int] = []
    where: dict[int, int] = {}
    for life in sorted(lives, key=lambda life: life.start):
        size = nbytes(life.alloc)
        free = [s for s in range(len(slots)) if busy_until[s] < life.start]
        if size is None:
            choice = next((s for s in free if slots[s] is None), None)
        else:
            fits = [s for s in free if (n := slots[s]) is not None and n >= size]
            grow = [s for s in free if slots[s] is not None]
            if fits:
                choice = min(fits, key=lambda s: slots[s] or 0)
            elif grow:
                choice = max(grow, key=lambda s: slots[s] or 0)
                slots[choice] = _round(size)
            else:
                choice = None
        if choice is None:
            slots.append(None if size is None else _round(size))
            busy_until.append(life.end)
            choice = len(slots) - 1
        busy_until[choice] = life.end
        where[life.alloc.reg] = choice
    return where, [Slot(n) for n in slots]


def _rewrite(code: tuple[Instr, ...], where: dict[int, int]) -> tuple[Instr, ...]:
    def place(a: Alloc) -> Alloc:
        slot = where.get(a.reg)
        return a if slot is None else dataclasses.replace(a, slot=slot)

    out: list[Instr] = []
    for ins in code:
        match ins:
            case CallKernel(outs=outs) | CallDpsPacked(outs=outs) if outs:
                ins = dataclasses.replace(ins, outs=tuple(place(a) for a in outs))
            case Allocate(alloc=alloc):
                ins = Allocate(place(alloc))
            case If():
                ins = dataclasses.replace(
                    ins, then=_rewrite(ins.then, where), orelse=_rewrite(ins.orelse, where)
                )
        out.append(ins)
    return tuple(out)


def plan_memory(code: tuple[Instr, ...], result: int) -> tuple[tuple[Instr, ...], tuple[Slot, ...]]:
    """``code`` with dead instructions removed and non-escaping arrays placed in slots."""
    code = remove_dead_code(code, result)
    walker = _Walker()
    walker.walk(code, ())
    walker.finish_uses(code)
    if (life := walker.lives.get(result)) is not None:
        life.escapes = True
    planned = [life for life in walker.lives.values() if not life.escapes]
    where, slots = _assign(planned)
    return _rewrite(code, where), tuple(slots)


__all__ = ["SExpr", "nbytes", "plan_memory", "remove_dead_code"]
