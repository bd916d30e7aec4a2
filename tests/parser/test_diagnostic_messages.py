"""Every diagnostic code the TIR parser and the build checks give: messages that read well.

Each code has a program that triggers it; every message keeps its quotes, backquotes and
brackets balanced (``unknown data type 'flaot32'``, never ``'flaot32``), and points at a
span inside the file. The hand-written rejected programs add their diagnostics to the check.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Final

import pytest
from conftest import script

import tvmscript
from tvmscript import check_source
from tvmscript.analysis import build_diagnostics
from tvmscript.diagnostics import Diagnostic

HEAD: Final = "from tvm.script import ir as I\nfrom tvm.script import tirx as T\n"


def _kernel(body: str, params: str = 'A: T.Buffer((8,), "float32")', deco: str = "") -> str:
    deco = deco or "@T.prim_func"
    lines = "\n".join("    " + line for line in script(body).strip("\n").split("\n"))
    return f"{HEAD}{deco}\ndef f({params}):\n{lines}\n"


# code → a program that gets it (parse diagnostics; `BUILD` below for the build checks).
PROGRAMS: Final[dict[str, str]] = {
    "syntax-error": f"{HEAD}@T.prim_func\ndef f(:\n    pass\n",
    "unsupported-syntax": _kernel("try:\n    A[0] = T.float32(1)\nexcept Exception:\n    pass"),
    "undefined-name": _kernel("A[0] = x"),
    "unknown-attribute": _kernel("for i in T.serail(8):\n    A[i] = T.float32(1)"),
    "invalid-call": _kernel("for i in T.serial(1, 2, 3, 4, 5, 6):\n    A[i] = T.float32(1)"),
    "invalid-argument": f'{HEAD}@T.prim_func\ndef f(A: T.Buffer((8,), "flaot32")):\n    pass\n',
    "dtype-mismatch": _kernel('B = T.alloc_buffer((8,), "int32")\nB[0] = A[0] + T.int64(1)'),
    "buffer-rank-mismatch": _kernel("A[0, 0] = T.float32(1)"),
    "store-to-loop-var": _kernel("for i in range(8):\n    i = 1"),
    "misplaced-call": _kernel("vi = T.axis.spatial(8, 0)"),
    "wrong-dialect": _kernel("class X:\n    pass"),
    "not-callable": _kernel("A[0] = T.float32(1)(2)"),
    "unsupported-call": _kernel("A[0] = open('x')"),
    "unsupported-value": _kernel("g = lambda x: x + 1\nA[0] = T.float32(1)"),
    "store-to-param": _kernel("n = 2", params="n: T.int32"),
    "print-ignored": _kernel("print(A[0])"),
    "missing-s-tir": _kernel('with T.sblock("b"):\n    A[0] = T.float32(1)'),
    "bare-return": _kernel("return", params="n: T.int32", deco="@T.prim_func"),
    "return-type-mismatch": f"{HEAD}@T.prim_func\ndef f(x: T.float32) -> T.int32:\n    return x\n",
    "unlaunched-thread": _kernel('tx = T.env_thread("threadIdx.x")\nA[tx] = T.float32(1)'),
    "cls-in-prim-func": f"""{HEAD}@I.ir_module
class Module:
    @T.prim_func(private=True)
    def twice(x: T.float32) -> T.float32:
        return x * T.float32(2)
    @T.prim_func
    def main(A: T.Buffer((4,), "float32")):
        A[0] = cls.twice(A[1])
""",
    "constexpr-in-prim-func": _kernel("A[0] = T.float32(n)", params="n: T.constexpr"),
    "unknown-function": f"""{HEAD}@I.ir_module
class Module:
    @T.prim_func
    def f(A: T.Buffer((8,), "float32")):
        Module.g(A.data)
""",
    "call-arity-mismatch": f"""{HEAD}@I.ir_module
class Module:
    @T.prim_func
    def g(x: T.int32) -> T.int32:
        return x
    @T.prim_func
    def f(A: T.Buffer((8,), "int32")):
        A[0] = Module.g(1, 2)
""",
    "call-argument-mismatch": f"""{HEAD}@I.ir_module
class Module:
    @T.prim_func
    def g(x: T.int32) -> T.int32:
        return x
    @T.prim_func
    def f(A: T.Buffer((8,), "int32")):
        A[0] = Module.g(A)
""",
    "unevaluated-global": (
        f'{HEAD}n = compute()\n\n@T.prim_func\ndef f(A: T.Buffer((n,), "float32")):\n    pass\n'
    ),
    "unresolved-decorator": "from mylib import tirx as T\n\n@T.prim_func\ndef f(A):\n    pass\n",
    "duplicate-function": f"""{HEAD}@I.ir_module
class Module:
    @T.prim_func
    def f(A: T.Buffer((8,), "float32")):
        A[0] = T.float32(1)
    @T.prim_func
    def f(A: T.Buffer((8,), "float32")):
        A[0] = T.float32(2)
""",
}
# Codes no TIR program gets through `check_source`, with the reason.
NOT_FROM_TIR_SOURCE: Final = {
    "internal-error": "a bug in tvmscript (tests/parser/test_diagnostics.py forces one)",
    "definition-count": "a `from_source` error, not a diagnostic of check_source",
    "definition-not-built": "a `from_source` error, not a diagnostic of check_source",
    "not-supported": "a builder's NotImplementedError: no T function raises one today",
    "invalid-annotation": "Relax",
    "unused-value": "Relax",
    "missing-return": "Relax",
}
BUILD: Final[dict[str, str]] = {
    "build-unbound-var": _kernel("n = T.int32()\nfor i in range(n):\n    A[0] = T.float32(1)"),
    "build-thread-binding": _kernel(
        'T.func_attr({"target": T.target("llvm")})\n'
        'for i in T.thread_binding(8, thread="threadIdx.x"):\n    A[i] = T.float32(1)'
    ),
    "gpu-thread-limit": _kernel(
        'for i in T.thread_binding(2048, thread="threadIdx.x"):\n    A[0] = T.float32(1)'
    ),
    "gpu-shared-memory": _kernel(
        'S = T.alloc_buffer((16384,), "float32", scope="shared")\n'
        'for t in T.thread_binding(128, thread="threadIdx.x"):\n    S[t] = A[0]'
    ),
    "gpu-thread-extent-conflict": _kernel(
        'tx = T.launch_thread("threadIdx.x", 4)\nA[tx] = T.float32(0)\n'
        'tx2 = T.launch_thread("threadIdx.x", 8)\nA[tx2] = T.float32(1)'
    ),
    "gpu-thread-outside-kernel": _kernel("tx = T.thread_id([8])\nA[tx] = T.float32(1)"),
}

SOURCES: Final = (
    Path(__file__).resolve().parents[2] / "tvmscript" / "script" / "parser",
    Path(__file__).resolve().parents[2] / "tvmscript" / "script" / "ir_builder" / "tir",
    Path(__file__).resolve().parents[2] / "tvmscript" / "analysis" / "build_check.py",
)
_CODE: Final = re.compile(r'"([a-z]+(?:-[a-z0-9]+)+)"')
_NOT_CODES: Final = frozenset({"utf-8"})


def _codes_in_sources() -> set[str]:
    """The diagnostic codes the TIR parser, builder and build checks spell."""
    found: set[str] = set()
    for source in SOURCES:
        files = [source] if source.is_file() else sorted(source.rglob("*.py"))
        for path in files:
            if "relax" in path.parts:
                continue
            found |= set(_CODE.findall(path.read_text(encoding="utf-8")))
    return found - _NOT_CODES


def test_every_code_has_a_program() -> None:
    covered = PROGRAMS.keys() | BUILD.keys() | NOT_FROM_TIR_SOURCE.keys()
    missing = sorted(c for c in _codes_in_sources() if c not in covered and _is_code(c))
    assert not missing, f"codes without a program in PROGRAMS: {missing}"


def _is_code(text: str) -> bool:
    """A diagnostic code, not another dashed string of the sources (a target triple)."""
    return text not in _OTHER_STRINGS


# Dashed strings of the sources that are no diagnostic code.
_OTHER_STRINGS: Final = frozenset({"amdgcn-amd-amdhsa-hcc"})  # a target triple


_APOSTROPHE: Final = re.compile(r"(?<=\w)'(?=\w)")  # TVM's, can't
_PAIRS: Final = {")": "(", "]": "[", "}": "{"}


def balanced(message: str) -> bool:
    """Whether ``message``'s quotes, backquotes and brackets pair up (apostrophes aside)."""
    text = _APOSTROPHE.sub("", message)
    text = re.sub(r"'[^']*'", "''", text)  # brackets inside quotes (`got '('`) do not count
    if text.count("'") % 2 or text.count("`") % 2 or text.count('"') % 2:
        return False
    stack: list[str] = []
    for char in text:
        if char in "([{":
            stack.append(char)
        elif char in _PAIRS and (not stack or stack.pop() != _PAIRS[char]):
            return False
    return not stack


def _check(diagnostic: Diagnostic, text: str) -> None:
    assert balanced(diagnostic.message), diagnostic.message
    lines = text.split("\n")
    assert 1 <= diagnostic.line <= diagnostic.end_line <= len(lines), diagnostic
    assert diagnostic.message == diagnostic.message.strip(), diagnostic.message


@pytest.mark.parametrize("code", sorted(PROGRAMS))
def test_the_program_gets_its_code_and_a_well_formed_message(code: str) -> None:
    text = PROGRAMS[code]
    found = check_source(text, "k.py")
    assert code in {d.code for d in found}, [(d.code, d.message) for d in found]
    for diagnostic in found:
        _check(diagnostic, text)


@pytest.mark.parametrize("code", sorted(BUILD))
def test_the_build_check_gets_its_code_and_a_well_formed_message(code: str) -> None:
    text = BUILD[code]
    assert [d for d in check_source(text, "k.py") if d.severity == "error"] == []
    found = build_diagnostics(tvmscript.from_source(text), text, "k.py")
    assert code in {d.code for d in found}, [(d.code, d.message) for d in found]
    for diagnostic in found:
        _check(diagnostic, text)


FOLDER: Final = Path(__file__).resolve().parents[1] / "data" / "tir_programs"


def test_the_rejected_hand_written_programs_get_well_formed_messages() -> None:
    expected = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))
    for name in sorted(n for n, e in expected.items() if not e["accepted"]):
        text = (FOLDER / name).read_text(encoding="utf-8")
        for diagnostic in check_source(text, name):
            _check(diagnostic, text)


@pytest.mark.parametrize(
    ("message", "ok"),
    [
        ("unknown data type 'flaot32'", True),
        ("unknown data type 'flaot32", False),
        ("TVM's build requires (one extent)", True),
        ("expected T.grid(...", False),
        ("got '('", True),
    ],
)
def test_balanced(message: str, ok: bool) -> None:
    assert balanced(message) is ok


def _found(text: str) -> list[tuple[str, int, str, str]]:
    """``(code, line, spanned text, message)`` of each diagnostic of ``text``."""
    lines = text.split("\n")
    out = []
    for d in check_source(text, "k.py"):
        line = lines[d.line - 1]
        spanned = line[d.column - 1 : d.end_column - 1] if d.line == d.end_line else "..."
        out.append((d.code, d.line, spanned, d.message))
    return out


def test_a_bad_dtype_is_spanned_by_its_string() -> None:
    text = f'{HEAD}@T.prim_func\ndef f(A: T.Buffer((8,), "flaot32")):\n    pass\n'
    assert _found(text) == [("invalid-argument", 4, '"flaot32"', "unknown data type 'flaot32'")]


def test_a_bad_axis_kind_is_spanned_by_its_character() -> None:
    text = _kernel(
        'for i, j in T.grid(8, 8):\n    with T.sblock("b"):\n'
        '        vi, vj = T.axis.remap("SX", [i, j])\n        A[vi] = T.float32(1)',
        deco="@T.prim_func(s_tir=True)",
    )
    [(code, _, spanned, message)] = _found(text)
    assert (code, spanned) == ("invalid-argument", "X")
    assert message.endswith("got 'X'")


def test_the_bad_operand_of_a_binary_operator_is_named_and_spanned() -> None:
    [(code, _, spanned, message)] = _found(_kernel('A[0] = A[0] + "abc"'))
    assert (code, spanned) == ("invalid-argument", '"abc"')
    assert message.startswith("the right operand of '+': ")


def test_an_invalid_axis_dtype_is_not_dropped() -> None:
    text = _kernel(
        'for i in range(8):\n    with T.sblock("b"):\n        vk = T.axis.spatial(8, i, "x")\n'
        "        A[vk] = T.float32(1)",
        deco="@T.prim_func(s_tir=True)",
    )
    assert _found(text) == [("invalid-argument", 7, '"x"', "unknown data type 'x'")]


@pytest.mark.parametrize(
    "header",
    ["for i, j in T.gird(8, 32):", "for i in 8:", "while T.flag():", 'with T.sblok("x"):'],
)
def test_an_error_in_a_loop_or_scope_header_still_checks_the_body(header: str) -> None:
    text = _kernel(f"{header}\n    vi = T.axis.spatial(8, 0)\n    A[0] = T.flot32(1)")
    found = _found(text)
    assert [f[1] for f in found] == [5, 7], found  # the header, then the body's own mistake
    assert found[1][2] == "T.flot32"
