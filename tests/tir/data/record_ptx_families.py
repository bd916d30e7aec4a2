"""Record the modifier slots of TVM 0.27's ``T.ptx`` instruction families (facts, as data).

Run with the throw-away TVM venv, from the repository root::

    /work/tvm-venv/bin/python tests/tir/data/record_ptx_families.py

It writes ``tvmscript/core/tir/data/ptx_families.json``: for each family (the first token of
``T.ptx.<family>.<modifier>...``), its syntax shapes in TVM's order, each with its operand
count and its modifier slots in print order (name, the tokens it takes, whether it may be
left out). That is what a chain of modifiers needs to be checked and printed as TVM prints
it, with each operand's kind (register, address, pointer, immediate; ``none`` for an
immediate the text fixes), state space, register count and ISA type, and the TVM dtypes each
ISA type token takes. No TVM code is copied; pytest never imports this file (it needs TVM).
"""

from __future__ import annotations

import json
from pathlib import Path

from tvm.backend.cuda.ptx.table import PTX_TYPE_DTYPES, TABLE

OUT = Path(__file__).resolve().parents[3] / "tvmscript" / "core" / "tir" / "data"


def _operand(slot: object) -> list[object]:
    """``[kind, space, lanes, dtype]`` of one operand (None where TVM computes it)."""
    lanes = slot.lanes if isinstance(slot.lanes, int) else None  # type: ignore[attr-defined]
    dtype = slot.dtype if isinstance(slot.dtype, str) else None  # type: ignore[attr-defined]
    kind = "none" if slot.kind == "imm" and slot.literal is not None else slot.kind  # type: ignore[attr-defined]
    return [kind, slot.space, lanes, dtype]  # type: ignore[attr-defined]


def main() -> None:
    """Write the JSON file (sorted, deterministic)."""
    families: dict[str, list[object]] = {}
    for entry in TABLE.values():
        slots = [[s.name, list(s.choices), bool(s.optional)] for s in entry.slots]
        operands = [_operand(o) for o in entry.operands]
        families.setdefault(entry.family, []).append([operands, slots])
    OUT.mkdir(parents=True, exist_ok=True)
    data = {"families": families, "type_dtypes": {k: list(v) for k, v in PTX_TYPE_DTYPES.items()}}
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    (OUT / "ptx_families.json").write_text(text + "\n", encoding="ascii")
    print(f"{len(families)} families, {len(TABLE)} shapes -> {OUT / 'ptx_families.json'}")


if __name__ == "__main__":
    main()
