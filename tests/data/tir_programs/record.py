"""Record what Apache TVM 0.27 does with every hand-written TIR program in this folder.

Run it with the throw-away TVM venv (TVM is an oracle here, never a dependency), from the
repository root::

    /work/tvm-venv/bin/python tests/data/tir_programs/record.py            # record all
    /work/tvm-venv/bin/python tests/data/tir_programs/record.py --check    # compare only

Each program ``NNN_short_name.py`` is imported as a module from its path, the way a user's
file runs, so TVM's decorators can ``inspect.getsource`` it.  The one TVMScript object it
defines (the ``IRModule`` or ``PrimFunc`` among the module's globals; macros and ``T.jit``
kernels aside, whose ``.specialize()`` result is the PrimFunc) is then:

* printed with ``obj.script()`` into ``NNN_short_name.printed.py`` beside it (the exact
  text, no newline added),
* re-parsed with ``tvm.script.from_source`` and compared with ``tvm_ffi.structural_equal``
  (``roundtrip``; TVM 0.27 has no ``tvm.ir.structural_equal``, only
  ``tvm.ir.assert_structural_equal``; a re-parse error is kept in ``roundtrip_error``),
* built with ``tvm.compile(obj, target="llvm")`` (``llvm_build``, and the first line of the
  error in ``llvm_build_error``, ``null`` when the build succeeds).

A program whose import raises is recorded as rejected: ``error_type`` is the exception's class
name (``DiagnosticError`` for TVM's parser diagnostics, else the Python exception raised while
the file runs, e.g. ``ImportError``, ``NameError``, ``TypeError`` from a decorator or an
annotation), ``line``/``column`` are 1-based in the program file, taken from TVM's diagnostic
(``--> file:line:col``) when it has one, else from the innermost traceback frame in the file;
both are ``null`` when nothing points into the file.  ``message`` is the first line of the
error with TVM's ``error: `` prefix removed (when that line is empty, as for the bare
``return`` that trips an ``assert`` inside TVM's parser, the chained exception's class name),
with memory addresses masked as ``0x?`` so the file is deterministic.  When TVM's
well-formedness check rejects the function (its diagnostic then points at the decorator),
``detail`` holds the verifier's reason (the ``Traceback:`` line of the diagnostic).

Everything goes into ``expected.json`` (sorted keys, indent 1).  Options::

    --check          compare with expected.json and the printed files; write nothing;
                     exit 1 on any difference
    --only PREFIX    only programs whose file name starts with PREFIX (repeatable); results
                     are printed and merged into expected.json (unless --check)
    --dir DIR        record another folder (default: the folder of this script)
    --no-build       skip tvm.compile (llvm_build is then recorded as null)

This folder is test data: pytest does not collect it (no file is named ``test_*.py``), its
``ruff.toml`` keeps the programs' exact text from being linted or reformatted, and nothing
here imports ``tvm`` except this script.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import traceback
import types
from pathlib import Path
from typing import Any

import tvm
import tvm.script
import tvm_ffi
from tvm.ir import IRModule
from tvm.tirx import PrimFunc

PROGRAM_RE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.py$")
LOCATION_RE = re.compile(r"-->\s*(?P<file>.+?):(?P<line>\d+):(?P<col>\d+)\s*$", re.MULTILINE)
ADDRESS_RE = re.compile(r"0x[0-9a-fA-F]{6,}")

Record = dict[str, Any]


def program_files(folder: Path, only: list[str] | None = None) -> list[Path]:
    """The program files of ``folder`` in name order (printed copies excluded)."""
    files = [
        p
        for p in sorted(folder.iterdir())
        if PROGRAM_RE.match(p.name) and not p.name.endswith(".printed.py")
    ]
    if only:
        files = [p for p in files if any(p.name.startswith(o) for o in only)]
    return files


def first_line(text: str) -> str:
    """The first non-empty line of ``text``, stripped, addresses masked ("" if none)."""
    for line in text.splitlines():
        if line.strip():
            return ADDRESS_RE.sub("0x?", line.strip())
    return ""


def error_message(exc: BaseException) -> str:
    """The first line of the error, without TVM's ``error:`` prefix."""
    line = first_line(str(exc))
    if line.startswith("error:"):
        line = line[len("error:") :].strip()
    if not line:
        chained = exc.__cause__ or exc.__context__
        if chained is not None:
            line = first_line(str(chained)) or type(chained).__name__
        else:
            line = type(exc).__name__
    return line


def well_formed_detail(text: str) -> str | None:
    """The verifier's reason in a "Program is not well-formed" diagnostic, if any."""
    if "not well-formed" not in first_line(text):
        return None
    for line in text.splitlines():
        if line.strip().startswith("Traceback:"):
            return ADDRESS_RE.sub("0x?", line.strip()[len("Traceback:") :].strip())
    return None


def load_module(path: Path) -> types.ModuleType:
    """Import ``path`` as a fresh module, registered in ``sys.modules`` under a unique name."""
    name = "tir_program_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def tvmscript_object(module: types.ModuleType) -> IRModule | PrimFunc:
    """The single IRModule or PrimFunc among the module's globals."""
    found = [
        value
        for key, value in vars(module).items()
        if not key.startswith("__") and isinstance(value, IRModule | PrimFunc)
    ]
    if len(found) != 1:
        raise RuntimeError(
            f"{module.__file__}: expected exactly one IRModule/PrimFunc, found {len(found)}"
        )
    return found[0]


def error_location(exc: BaseException, path: Path) -> tuple[int | None, int | None]:
    """The 1-based (line, column) in ``path`` that the error points at, if any."""
    resolved = str(path.resolve())
    for match in LOCATION_RE.finditer(str(exc)):
        file = match.group("file").strip()
        if file == resolved or Path(file).name == path.name:
            return int(match.group("line")), int(match.group("col"))
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == resolved]
    if frames:
        frame = frames[-1]
        col = frame.colno + 1 if frame.colno is not None else None
        return frame.lineno, col
    if isinstance(exc, SyntaxError) and exc.lineno is not None:
        return exc.lineno, exc.offset
    return None, None


def rejected_record(exc: BaseException, path: Path) -> Record:
    """What a rejected program's entry says about ``exc``."""
    line, col = error_location(exc, path)
    record: Record = {
        "accepted": False,
        "line": line,
        "column": col,
        "message": error_message(exc),
        "error_type": type(exc).__name__,
    }
    detail = well_formed_detail(str(exc))
    if detail is not None:
        record["detail"] = detail
    return record


def record_program(path: Path, build: bool = True) -> tuple[Record, str | None]:
    """Load, print, round-trip and build one program: its entry and its printed text."""
    try:
        module = load_module(path)
    except Exception as exc:  # pylint: disable=broad-except
        return rejected_record(exc, path), None
    obj = tvmscript_object(module)
    printed = obj.script()
    result: Record = {"accepted": True, "printed": path.stem + ".printed.py"}
    try:
        reparsed = tvm.script.from_source(printed)
        result["roundtrip"] = bool(tvm_ffi.structural_equal(obj, reparsed))
    except Exception as exc:  # pylint: disable=broad-except
        result["roundtrip"] = False
        result["roundtrip_error"] = error_message(exc)
    result["llvm_build"] = None
    result["llvm_build_error"] = None
    if build:
        try:
            tvm.compile(obj, target="llvm")
            result["llvm_build"] = True
        except Exception as exc:  # pylint: disable=broad-except
            result["llvm_build"] = False
            result["llvm_build_error"] = error_message(exc)
    return result, printed


def check(folder: Path, results: dict[str, Record], prints: dict[str, str]) -> int:
    """Compare fresh results with expected.json and the printed files; 1 if any differ."""
    expected_path = folder / "expected.json"
    expected: dict[str, Record] = (
        json.loads(expected_path.read_text()) if expected_path.exists() else {}
    )
    differences = 0
    for name, record in results.items():
        if expected.get(name) != record:
            print(f"DIFF {name}: expected {expected.get(name)}, got {record}")
            differences += 1
        printed_name = record.get("printed")
        if printed_name:
            printed_path = folder / printed_name
            if not printed_path.exists() or printed_path.read_text() != prints[name]:
                print(f"DIFF {printed_name}: printed text differs")
                differences += 1
    print(f"check: {len(results)} programs, {differences} difference(s)")
    return 1 if differences else 0


def write(folder: Path, results: dict[str, Record], prints: dict[str, str], merge: bool) -> None:
    """Write the printed files and expected.json (merged into the old one when ``merge``)."""
    expected_path = folder / "expected.json"
    merged: dict[str, Record] = {}
    if merge and expected_path.exists():
        merged = json.loads(expected_path.read_text())
    merged.update(results)
    present = {p.name for p in program_files(folder)}
    merged = {k: v for k, v in merged.items() if k in present}
    for name, record in results.items():
        printed_path = folder / (Path(name).stem + ".printed.py")
        if record["accepted"]:
            printed_path.write_text(prints[name])
        elif printed_path.exists():
            printed_path.unlink()
    expected_path.write_text(json.dumps(merged, sort_keys=True, indent=1) + "\n")
    accepted = [r for r in merged.values() if r["accepted"]]
    built = [r for r in accepted if r.get("llvm_build")]
    print(
        f"{len(merged)} programs: {len(accepted)} accepted "
        f"({len(built)} llvm-buildable), {len(merged) - len(accepted)} rejected -> {expected_path}"
    )


def main(argv: list[str] | None = None) -> int:
    """Record (or check) every program of the folder."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--only", action="append", default=None)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    folder: Path = args.dir.resolve()
    results: dict[str, Record] = {}
    prints: dict[str, str] = {}
    for path in program_files(folder, args.only):
        record, printed = record_program(path, build=not args.no_build)
        results[path.name] = record
        if printed is not None:
            prints[path.name] = printed
        status = "ok " if record["accepted"] else "REJ"
        print(f"{status} {path.name}: {json.dumps(record, sort_keys=True)}")
    if args.check:
        return check(folder, results, prints)
    write(folder, results, prints, merge=bool(args.only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
