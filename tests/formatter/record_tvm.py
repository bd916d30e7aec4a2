"""Record TVM 0.27's print of every definition of the formatter cases (``tvm_printed.json``).

Run with a Python that has TVM (an oracle only, never a dependency of the package)::

    /path/to/tvm-venv/bin/python tests/formatter/record_tvm.py

Each case file is imported as TVM users import their kernels (the decorators parse it), with
its imports spelled for TVM 0.27 (``tvmscript``/``tir`` become ``tvm.script``/``tirx``; printed
files, whose imports are comments, get real ones), and each top-level definition's ``script()``
is stored. A definition TVM refuses is stored with the reason (``{"error": ...}``): the tests
then only check that the canonical form is a fixpoint of our printer.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
OUT = HERE / "tvm_printed.json"
_IMPORTS = (
    "from tvm.script import ir as I\n"
    "from tvm.script import tirx as T\n"
    "from tvm.script import relax as R\n"
)
_DEFINITION = re.compile(
    r"^@\w+\.(?:prim_func|ir_module|function)\b.*\n(?:[#@ ].*\n)*(?:def|class) (\w+)", re.M
)


def for_tvm(text: str) -> str:
    """``text`` with imports TVM 0.27 understands."""
    text = re.sub(
        r"^from tvmscript import (\w+) as", r"from tvm.script import \1 as", text, flags=re.M
    )
    text = re.sub(
        r"^from tvm\.script import tir as", "from tvm.script import tirx as", text, flags=re.M
    )
    if not re.search(r"^from tvm\.script import", text, flags=re.M):
        text = _IMPORTS + text
    return text


def record(path: Path, work: Path) -> dict[str, object]:
    text = path.read_text()
    names = _DEFINITION.findall(text)
    if not re.search(r"^(?:from|import) ", text, flags=re.M):  # printed by TVM: read as TVM does
        import tvm

        try:
            return {names[0]: tvm.script.from_source(text).script()}
        except Exception as exc:
            return {names[0]: {"error": _reason(exc)}}
    module_path = work / path.name
    module_path.write_text(for_tvm(path.read_text()))
    spec = importlib.util.spec_from_file_location(f"case_{path.stem}", module_path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # `I.ir_module` looks its class up there
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # TVM refuses the file: every definition gets the reason
        return {name: {"error": _reason(exc)} for name in names}
    found: dict[str, object] = {}
    for name in names:
        obj = getattr(module, name, None)
        script = getattr(obj, "script", None)
        found[name] = script() if callable(script) else {"error": "not a TVM object"}
    return found


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def main() -> int:
    import tvm

    printed: dict[str, object] = {"tvm_version": tvm.__version__}
    with tempfile.TemporaryDirectory() as work:
        sys.path.insert(0, work)
        for path in sorted(CASES.glob("*.py")):
            printed[path.name] = record(path, Path(work))
    OUT.write_text(json.dumps(printed, indent=1, sort_keys=True) + "\n")
    refused = sum(
        1
        for case, defs in printed.items()
        if isinstance(defs, dict)
        for value in defs.values()
        if isinstance(value, dict)
    )
    print(f"wrote {OUT} ({len(printed) - 1} cases, {refused} definitions TVM refuses)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
