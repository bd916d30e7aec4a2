"""Hand-written Relax programs checked by TVM 0.27 (``tests/data/relax_programs``).

What TVM accepts is accepted (no error; warnings may remain), what it rejects is rejected: with
an error on TVM's line when TVM points into a function body. When TVM reports at a header (a
decorator, ``class`` or ``def`` line, as its well-formedness errors do), our error may be on the
offending statement instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import pytest

from tvmscript import check_source

DATA: Final = Path(__file__).resolve().parent.parent / "data" / "relax_programs"

ON_PURPOSE: Final[dict[str, str]] = {
    "091_old_out_sinfo_keyword.py": "DESIGN.md accepts out_sinfo= (the seed's) besides out_ty=",
    "111_tblock_renamed_sblock.py": "DESIGN.md reads T.block as T.sblock",
}
GAPS: Final[dict[str, str]] = {
    "112_sblock_without_s_tir.py": "T.sblock without s_tir=True is only a warning (TIR's choice)",
}


def _expected() -> dict[str, dict[str, Any]]:
    path = DATA / "expected.json"
    if not path.exists():
        return {}
    data: dict[str, dict[str, Any]] = json.loads(path.read_text())
    return data


EXPECTED: Final = _expected()


def _case(name: str) -> Any:
    if name in ON_PURPOSE:
        return pytest.param(name, marks=pytest.mark.skip(reason=ON_PURPOSE[name]), id=name)
    if name in GAPS:
        return pytest.param(name, marks=pytest.mark.xfail(reason=GAPS[name], strict=True), id=name)
    return pytest.param(name, id=name)


ACCEPTED: Final = [_case(n) for n, e in sorted(EXPECTED.items()) if e["accepted"]]
REJECTED: Final = [_case(n) for n, e in sorted(EXPECTED.items()) if not e["accepted"]]


@pytest.mark.parametrize("name", ACCEPTED)
def test_program_tvm_accepts_has_no_error(name: str) -> None:
    errors = [d for d in check_source((DATA / name).read_text(), name) if d.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("name", REJECTED)
def test_program_tvm_rejects_has_an_error_on_its_line(name: str) -> None:
    text = (DATA / name).read_text()
    errors = [d for d in check_source(text, name) if d.severity == "error"]
    assert errors, f"TVM rejects {name}: {EXPECTED[name]['message']}"
    line = EXPECTED[name]["line"]
    if _is_header(text.splitlines()[line - 1]):
        return
    assert line in {d.line for d in errors}, [(d.line, d.code, d.message) for d in errors]


def _is_header(line: str) -> bool:
    return line.lstrip().startswith(("@", "class ", "def "))
