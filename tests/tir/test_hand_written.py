"""The hand-written TIR programs of ``tests/data/tir_programs``, against TVM 0.27's record.

- An accepted program parses with no error, prints TVM's exact text, and (where TVM's print
  re-parses to the same IR) our print re-parses to a structurally equal IR.
- A rejected program gets a diagnostic on the line TVM's error points at.

Deliberate differences are listed below, each with its reason.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import pytest

from tvmscript import check_source, from_source
from tvmscript.ir import assert_structural_equal

FOLDER: Final = Path(__file__).resolve().parents[1] / "data" / "tir_programs"
EXPECTED: Final[dict[str, Any]] = json.loads((FOLDER / "expected.json").read_text())

# Programs TVM 0.27 rejects that tvmscript reads on purpose (DESIGN.md: the older spellings
# are accepted); each still gets a hint on TVM's line, which the rejection test checks.
READ_ON_PURPOSE: Final = {
    "120_old_t_block.py": "T.block is read as T.sblock (DESIGN.md)",
    "121_tvm_tir_namespace.py": "tvm.tir is read as tvm.tirx, as older TVM had it",
    "122_old_tir_import.py": "`from tvm.script import tir as T` is accepted (DESIGN.md)",
    "142_cls_undefined.py": "`cls.f` in a prim_func is read as the module's `f` (a warning)",
}
# Programs TVM 0.27 accepts that tvmscript rejects on purpose.
REJECTED_ON_PURPOSE: Final = {
    "111_bad_dtype_buffer_param.py": "'float31' is no dtype: TVM accepts it and fails later",
    "156_shared_scalar_bad_dtype.py": "'int33' is no dtype: TVM accepts it and fails later",
}
# Where TVM's error points at the wrong place, the line tvmscript reports instead.
BETTER_LINE: Final = {
    "130_try_statement.py": 7,  # TVM points at the `def`; the `try:` is on line 7
}


def _programs(accepted: bool) -> list[str]:
    return sorted(n for n, e in EXPECTED.items() if e["accepted"] is accepted)


def _text(name: str) -> str:
    return (FOLDER / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", _programs(True))
def test_accepted_program_parses_without_error(name: str) -> None:
    errors = [d for d in check_source(_text(name), name) if d.severity == "error"]
    if name in REJECTED_ON_PURPOSE:
        assert errors, REJECTED_ON_PURPOSE[name]
        return
    assert errors == []


@pytest.mark.parametrize("name", [n for n in _programs(True) if n not in REJECTED_ON_PURPOSE])
def test_accepted_program_prints_tvm_text(name: str) -> None:
    printed = from_source(_text(name), filename=name).script()
    expected = (FOLDER / EXPECTED[name]["printed"]).read_text(encoding="utf-8")
    assert printed.rstrip("\n") == expected.rstrip("\n")


@pytest.mark.parametrize(
    "name",
    [n for n in _programs(True) if EXPECTED[n]["roundtrip"] and n not in REJECTED_ON_PURPOSE],
)
def test_accepted_program_round_trips(name: str) -> None:
    obj = from_source(_text(name), filename=name)
    assert_structural_equal(from_source(obj.script()), obj)


@pytest.mark.parametrize("name", _programs(False))
def test_rejected_program_is_reported_on_tvm_line(name: str) -> None:
    diagnostics = check_source(_text(name), name)
    line = BETTER_LINE.get(name, EXPECTED[name]["line"])
    assert line in [d.line for d in diagnostics], [(d.line, d.code, d.message) for d in diagnostics]
    if name not in READ_ON_PURPOSE:
        assert any(d.severity in ("error", "warning") for d in diagnostics if d.line == line)
