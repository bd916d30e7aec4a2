"""``T.ptx``: PTX instructions as attribute chains, ``T.ptx.ld.global_.acquire.gpu.b32(v, p)``.

The first token names the instruction family, each further one fills a modifier slot of the
family's syntax shapes (in any order; Python keywords take a trailing ``_``, ``::`` is written
``__``); ``T.ptx["st.weak.shared::cta.b32"]`` takes the exact PTX text. A call is a statement
whose arguments are the operands, then one token per slot (``""`` for a slot left out), then a
marker (``"pred"`` when ``pred=`` was given) — the form TVM 0.27 prints and reads back:
``T.ptx.fma(d, a, b, c, "rn", "ftz", "", "f32x2", "", "")``.

The families and their slots are data (`tvmscript/core/tir/data/ptx_families.json`, recorded
from TVM 0.27 by ``tests/tir/data/record_ptx_families.py``).
"""

from __future__ import annotations

import json
import keyword
from functools import cache
from pathlib import Path
from typing import Any, Final

from tvmscript.core.tir import arith
from tvmscript.core.tir.device_ops import ptx_op_name
from tvmscript.core.tir.expr import PrimExpr
from tvmscript.core.tir.op import call_intrin
from tvmscript.script.ir_builder.tir.intrinsics import scalar_of

_DATA: Final = Path(__file__).resolve().parents[3] / "core" / "tir" / "data" / "ptx_families.json"

Slot = tuple[str, tuple[str, ...], bool]
Operand = tuple[str, str | None, int | None, str | None]
"""``(kind, state space, registers, ISA type)``; kind ``"none"`` takes no argument."""
Shape = tuple[tuple[Operand, ...], tuple[Slot, ...]]
Candidate = tuple[Shape, tuple[str | None, ...]]


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="ascii"))
    return data


@cache
def families() -> dict[str, tuple[Shape, ...]]:
    """Family name -> its syntax shapes (operands, modifier slots in print order)."""
    out: dict[str, tuple[Shape, ...]] = {}
    for family, shapes in _data()["families"].items():
        out[family] = tuple(
            (
                tuple((k, sp, lanes, dt) for k, sp, lanes, dt in operands),
                tuple((name, tuple(choices), bool(opt)) for name, choices, opt in slots),
            )
            for operands, slots in shapes
        )
    return out


def _fixed_arity(shape: Shape) -> bool:
    """Whether every operand's register count is known (not computed from the modifiers)."""
    return all(lanes is not None for kind, _, lanes, _ in shape[0] if kind != "none")


def _arity(shape: Shape) -> int:
    return sum(lanes or 1 for kind, _, lanes, _ in shape[0] if kind != "none")


def escape_token(token: str) -> str:
    """A PTX token as a Python attribute (``shared::cta`` -> ``shared__cta``, ``and_``)."""
    token = token.replace("::", "__").replace(":", "__colon__")
    return token + "_" if keyword.iskeyword(token) else token


def unescape_token(name: str) -> str:
    """The PTX token an attribute spells (the inverse of `escape_token`)."""
    token = name.replace("__colon__", "\0").replace("__", "::").replace("\0", ":")
    return token[:-1] if token.endswith("_") else token


def _fill(candidate: Candidate, token: str) -> Candidate | None:
    shape, filled = candidate
    for i, (_, choices, _) in enumerate(shape[1]):
        if filled[i] is None and token in choices:
            return shape, (*filled[:i], token, *filled[i + 1 :])
    return None


class PtxChain:
    """``T.ptx.<family>.<modifier>...``: the candidate shapes still open; call to emit."""

    __slots__ = ("_candidates", "_family")

    def __init__(self, family: str, candidates: tuple[Candidate, ...]) -> None:
        self._family = family
        self._candidates = candidates

    def __getattr__(self, name: str) -> PtxChain:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.narrowed(unescape_token(name))

    def narrowed(self, token: str) -> PtxChain:
        """The chain with modifier ``token`` (PTX spelling) filled in."""
        return PtxChain(self._family, self._narrow(token))

    def _narrow(self, token: str) -> tuple[Candidate, ...]:
        out = tuple(c for cand in self._candidates if (c := _fill(cand, token)) is not None)
        if out:
            return out
        shape, filled = self._candidates[0]
        open_slots = [
            f"{name}∈{{{','.join(choices)}}}"
            for i, (name, choices, _) in enumerate(shape[1])
            if filled[i] is None
        ]
        raise AttributeError(
            f"'{token}' is not a valid modifier for '{self._family}'; "
            f"open slots: {'; '.join(open_slots) or '(none)'}"
        )

    def __call__(self, *args: Any, pred: Any = None, preserve_dst: bool = False) -> PrimExpr:
        split = len(args)
        while split > 0 and isinstance(args[split - 1], str):
            split -= 1
        operands, trailing = list(args[:split]), args[split:]
        if trailing:  # the printed form: tokens in slot order, then the marker
            return call_intrin("void", ptx_op_name(self._family), *operands, *trailing)
        shape, filled = self._choose(len(operands))
        modifiers = {name: tok or "" for (name, _, _), tok in zip(shape[1], filled, strict=True)}
        flags = ["pred"] if pred is not None else []
        if preserve_dst:
            flags.append("keep")
        values = [*_coerce(shape, operands, modifiers), *([] if pred is None else [pred])]
        tail = [tok or "" for tok in filled]
        return call_intrin("void", ptx_op_name(self._family), *values, *tail, ",".join(flags))

    def _choose(self, n_operands: int) -> Candidate:
        complete = [c for c in self._candidates if not _missing(c)]
        if not complete:
            missing = _missing(self._candidates[0])
            raise ValueError(
                f"T.ptx.{self._family}: missing required modifier(s): {', '.join(missing)}"
            )
        exact = [c for c in complete if _arity(c[0]) == n_operands]
        if not exact and not all(_fixed_arity(c[0]) for c in complete):
            return complete[0]  # a register group's size follows the modifiers: not modelled
        if not exact:
            counts = sorted({_arity(c[0]) for c in complete})
            raise ValueError(
                f"T.ptx.{self._family} takes {' or '.join(map(str, counts))} operand(s), "
                f"got {n_operands}"
            )
        return exact[0]

    def __dir__(self) -> list[str]:
        return sorted(
            {
                escape_token(tok)
                for shape, filled in self._candidates
                for i, (_, choices, _) in enumerate(shape[1])
                if filled[i] is None
                for tok in choices
            }
        )

    def __repr__(self) -> str:
        return f"<T.ptx.{self._family}>"


def _missing(candidate: Candidate) -> list[str]:
    shape, filled = candidate
    return [
        name for (name, _, optional), tok in zip(shape[1], filled, strict=True)
        if tok is None and not optional
    ]  # fmt: skip


def _coerce(shape: Shape, operands: list[Any], modifiers: dict[str, str]) -> list[Any]:
    """The call arguments of ``operands``: shared addresses converted, literals typed."""
    out: list[Any] = []
    args = iter(operands)
    for kind, space, lanes, isa_type in shape[0]:
        if kind == "none":
            continue
        for _ in range(lanes or 1):
            value = scalar_of(next(args))
            if kind == "addr":
                out.append(_address(value, space or modifiers.get("space", "")))
            elif kind == "reg" and isinstance(value, bool | int | float):
                out.append(_typed(value, isa_type or modifiers.get("type", "")))
            else:
                out.append(value)
    return out


def _address(value: Any, space: str) -> Any:
    dtype = getattr(value, "dtype", None)
    if space.startswith("shared") and dtype == "handle":
        return call_intrin("uint32", "tirx.cuda.cvta_generic_to_shared", value)
    if space != "tmem" and not space.startswith("shared") and dtype == "uint64":
        return call_intrin("handle", "tir.reinterpret", value)
    return value


def _typed(value: bool | int | float, isa_type: str) -> PrimExpr:
    dtypes = _data()["type_dtypes"].get(isa_type)
    if not dtypes:
        return arith.as_expr(value)
    return arith.make_const(dtypes[0], value)


class PtxNamespace:
    """``T.ptx``: the PTX instruction families (``T.ptx.mov``, ``T.ptx.tcgen05``, ...)."""

    _is_namespace = True

    def __getattr__(self, name: str) -> PtxChain:
        if name.startswith("_"):
            raise AttributeError(name)
        family = unescape_token(name)
        if (shapes := families().get(family)) is None:
            raise AttributeError(f"'{name}' is not a PTX instruction family of T.ptx")
        return PtxChain(family, tuple((s, (None,) * len(s[1])) for s in shapes))

    def __getitem__(self, text: str) -> PtxChain:
        """The exact-PTX-text form: ``T.ptx["st.weak.shared::cta.b32"]``."""
        first, _, rest = text.partition(".")
        if first not in families():
            raise KeyError(f"'{text}' does not start with a PTX instruction family")
        chain: PtxChain = getattr(self, escape_token(first))
        for token in rest.split(".") if rest else []:
            try:
                chain = chain.narrowed(token)
            except AttributeError as exc:
                raise KeyError(str(exc)) from None
        return chain

    @staticmethod
    def addr(base: Any, byte_offset: Any) -> PrimExpr:
        """``[base+byte_offset]``: an address operand with an immediate byte offset."""
        return call_intrin("handle", "tirx.ptx.addr", base, byte_offset)

    @staticmethod
    def pred(value: Any) -> Any:
        """Mark an operand as a ``.pred`` register (kept as the value itself here)."""
        return value

    SINK: Final = None
    """The sink operand ``_`` (a discarded destination lane)."""

    def __dir__(self) -> list[str]:
        return sorted({escape_token(f) for f in families()} | {"addr", "pred", "SINK"})

    def __repr__(self) -> str:
        return f"<T.ptx: {len(families())} instruction families>"


ptx = PtxNamespace()
"""``T.ptx``."""

__all__ = ["PtxChain", "PtxNamespace", "escape_token", "families", "ptx", "unescape_token"]
