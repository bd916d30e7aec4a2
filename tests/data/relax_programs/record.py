"""Record what Apache TVM 0.27 does with each hand-written Relax program of this folder.

Run it with the throw-away TVM venv (TVM is the oracle; our package does not use it)::

    /work/tvm-venv/bin/python tests/data/relax_programs/record.py            # re-record all
    /work/tvm-venv/bin/python tests/data/relax_programs/record.py 012 077    # only these
    /work/tvm-venv/bin/python tests/data/relax_programs/record.py --check    # compare only

Every program ``NNN_name.py`` is loaded in its own subprocess the way a user's file runs:
imported as a module from its path (registered in ``sys.modules`` first, so TVM's decorators can
``inspect.getsource`` the class or function). A subprocess per program keeps one program's
state (and TVM crashes: printing a module that names an undeclared vdevice segfaults) from
touching the others.

``expected.json`` (sorted keys, indent 1) maps each file name to what TVM did:

* accepted: ``{"accepted": true, "printed": "NNN_name.printed.py", "roundtrip": bool,
  "well_formed": bool}`` -- ``printed`` names the file beside the program holding the exact
  text of ``obj.script()``; ``roundtrip`` says whether ``tvm.script.from_source`` of that text
  is structurally equal to the object (``roundtrip_error`` holds the first line of the error
  when re-parsing raised); ``well_formed`` is ``tvm.relax.analysis.check_well_formed(obj)``.
  ``print_crash`` is set (and ``printed`` is null) when ``obj.script()`` killed the process.
* rejected: ``{"accepted": false, "error_type": ..., "line": L, "column": C, "message": ...}``
  -- L/C are the 1-based position in the program file that TVM's diagnostic points at
  (``--> file:line:col``), or, for a plain Python exception raised while the file executes
  (an annotation is evaluated by Python before TVM sees it), the position of the innermost
  traceback frame in the file. ``message`` is the first line of the error. When the message
  is TVM's generic "Program is not well-formed" one, ``well_formed_error`` holds the reason
  (the verifier's own text, pointer addresses masked), obtained by re-loading the program
  with the well-formedness check of the decorators turned off and calling
  ``tvm.relax.analysis.well_formed`` on the result.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected.json"
PROGRAM_RE = re.compile(r"^(\d{3})_\w+\.py$")
LOCATION_RE = re.compile(r"-->\s*(?P<file>.+?):(?P<line>\d+):(?P<col>\d+)\s*$", re.MULTILINE)
ERROR_LINE_RE = re.compile(r"^\s*error:\s*(?P<msg>.*)$", re.MULTILINE)
ADDRESS_RE = re.compile(r"0x[0-9a-fA-F]{6,}")
WELL_FORMED_PREFIX = "Program is not well-formed"
# Each worker prints one line per stage, prefixed so stray output on stdout is ignored.
TAG = "@@record@@ "

Result = dict[str, Any]


# ----------------------------------------------------------------------------------- worker


def _emit(payload: Result) -> None:
    sys.stdout.write(TAG + json.dumps(payload, sort_keys=True) + "\n")
    sys.stdout.flush()


def _load(path: Path) -> ModuleType:
    """Import ``path`` as a fresh module, the way ``python path`` or an import would run it."""
    name = "relax_program_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def _tvm_objects(module: ModuleType) -> list[tuple[str, Any]]:
    """The IRModules and Relax functions the program defines at its top level."""
    import tvm

    kinds = (tvm.ir.IRModule, tvm.relax.Function)
    return [(k, v) for k, v in vars(module).items() if isinstance(v, kinds)]


@contextlib.contextmanager
def _captured_fd2() -> Iterator[list[str]]:
    """Capture everything written to file descriptor 2 (Python and TVM's C++ logging)."""
    out: list[str] = []
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile(mode="w+b") as tmp:
        os.dup2(tmp.fileno(), 2)
        try:
            yield out
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            tmp.seek(0)
            out.append(tmp.read().decode("utf-8", "replace"))


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _mask(text: str) -> str:
    return ADDRESS_RE.sub("0x...", text)


def _diagnostic_location(text: str, path: Path) -> tuple[int, int] | None:
    """The ``--> file:line:col`` of a rendered TVM diagnostic, preferring ones in ``path``."""
    matches = list(LOCATION_RE.finditer(text))
    for match in matches:
        with contextlib.suppress(OSError):
            if Path(match["file"]).resolve() == path:
                return int(match["line"]), int(match["col"])
    if matches:
        return int(matches[0]["line"]), int(matches[0]["col"])
    return None


def _traceback_location(err: BaseException, path: Path) -> tuple[int, int] | None:
    """The innermost traceback frame of ``err`` that lies in ``path`` (1-based line/col)."""
    found: tuple[int, int] | None = None
    for frame in traceback.extract_tb(err.__traceback__):
        if Path(frame.filename).resolve() == path and frame.lineno is not None:
            col = frame.colno + 1 if frame.colno is not None else 1
            found = (frame.lineno, col)
    return found


@contextlib.contextmanager
def _well_formed_check_disabled() -> Iterator[None]:
    """Make the decorators parse with ``check_well_formed=False``, to inspect the result."""
    import tvm.relax.script.parser.entry as relax_entry
    import tvm.script.parser.ir.entry as ir_entry

    modules = [m for m in (ir_entry, relax_entry) if callable(getattr(m, "parse", None))]
    originals = {m: m.parse for m in modules}

    def wrap(parse: Callable[..., Any]) -> Callable[..., Any]:
        def no_check(*args: Any, **kwargs: Any) -> Any:
            kwargs["check_well_formed"] = False
            return parse(*args, **kwargs)

        return no_check

    for module in modules:
        module.parse = wrap(originals[module])
    try:
        yield
    finally:
        for module, parse in originals.items():
            module.parse = parse


def _well_formed_reason(path: Path, diagnostic: str) -> str | None:
    """Why TVM found the program ill-formed: the TIR traceback, or Relax's well_formed error."""
    _, sep, rest = diagnostic.partition("Traceback:")
    if sep:
        head = rest.split("\n -->", 1)[0]
        return _mask(" ".join(head.split()))
    import tvm

    try:
        with _captured_fd2(), _well_formed_check_disabled():
            module = _load(path)
    except BaseException as err:  # any failure is information here
        return _mask(f"re-loading without the check failed: {_first_line(str(err))}")
    for _, obj in _tvm_objects(module):
        try:
            tvm.relax.analysis.well_formed(obj)
        except Exception as err:
            return _mask(" ".join(str(err).split()))
    return None


def _rejected(path: Path, err: BaseException, stderr: str) -> Result:
    import tvm

    text = str(err)
    result: Result = {"accepted": False, "error_type": type(err).__name__}
    if isinstance(err, tvm.error.DiagnosticError):
        match = ERROR_LINE_RE.search(text) or ERROR_LINE_RE.search(stderr)
        message = match["msg"].strip() if match else _first_line(text)
        where = _diagnostic_location(text, path) or _diagnostic_location(stderr, path)
    else:
        message = _first_line(text) or type(err).__name__
        where = _traceback_location(err, path)
    result["message"] = _mask(message)
    if where is not None:
        result["line"], result["column"] = where
    else:
        result["line"] = result["column"] = None
    if message.startswith(WELL_FORMED_PREFIX):
        result["well_formed_error"] = _well_formed_reason(path, text)
    return result


def _structural_equal(lhs: Any, rhs: Any) -> bool:
    import tvm

    equal = getattr(tvm.ir, "structural_equal", None)
    if equal is None:  # TVM 0.27 moved it to tvm_ffi
        import tvm_ffi

        equal = tvm_ffi.structural_equal
    return bool(equal(lhs, rhs))


def work(path: Path) -> None:
    """Record one program: print the stages as tagged JSON lines on stdout."""
    import tvm

    path = path.resolve()
    try:
        with _captured_fd2() as stderr:
            module = _load(path)
    except BaseException as err:  # rejected, whatever TVM raised
        _emit(_rejected(path, err, "".join(stderr)))
        return
    objects = _tvm_objects(module)
    if len(objects) != 1:
        names = [name for name, _ in objects]
        raise SystemExit(f"{path.name}: expected one top-level TVMScript object, got {names}")
    _, obj = objects[0]
    with _captured_fd2():
        well_formed = bool(tvm.relax.analysis.check_well_formed(obj))
    _emit({"accepted": True, "well_formed": well_formed})
    printed = obj.script()  # may crash the process; the parent records that
    result: Result = {"printed": path.stem + ".printed.py", "printed_text": printed}
    try:
        with _captured_fd2():
            reparsed = tvm.script.from_source(printed)
        result["roundtrip"] = _structural_equal(reparsed, obj)
    except Exception as err:
        result["roundtrip"] = False
        result["roundtrip_error"] = _mask(_first_line(str(err).replace("error: ", "", 1)))
    _emit(result)


# ----------------------------------------------------------------------------------- parent


def programs(selection: list[str]) -> list[Path]:
    """The program files, optionally only those whose name starts with one of ``selection``."""
    found = sorted(p for p in HERE.iterdir() if PROGRAM_RE.match(p.name))
    if selection:
        found = [p for p in found if any(p.name.startswith(s) for s in selection)]
    return found


def record(path: Path) -> tuple[Result, str | None]:
    """Run the worker for ``path`` in a subprocess: its result and TVM's printed text."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    result: Result = {}
    for line in proc.stdout.splitlines():
        if line.startswith(TAG):
            result.update(json.loads(line[len(TAG) :]))
    if proc.returncode != 0:
        if not result:
            raise RuntimeError(f"{path.name}: worker failed\n{proc.stdout}\n{proc.stderr}")
        if proc.returncode < 0:
            cause = f"signal {-proc.returncode} ({signal.Signals(-proc.returncode).name})"
        else:
            cause = f"exit status {proc.returncode}"
        result.setdefault("printed", None)
        result["print_crash"] = f"{cause} in obj.script()"
    return result, result.pop("printed_text", None)


def printed_files(results: dict[str, tuple[Result, str | None]]) -> dict[Path, str | None]:
    """Each program's printed file and the text it should hold (None: it should not exist)."""
    return {HERE / (Path(n).stem + ".printed.py"): text for n, (_, text) in results.items()}


def main(argv: list[str] | None = None) -> int:
    """Re-record (or with ``--check`` compare) ``expected.json``; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="program name prefixes (default: all)")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if args.worker is not None:
        work(args.worker)
        return 0

    paths = programs(args.names)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        recorded = dict(zip([p.name for p in paths], pool.map(record, paths), strict=True))
    results = {name: result for name, (result, _) in recorded.items()}
    old: dict[str, Result] = json.loads(EXPECTED.read_text()) if EXPECTED.exists() else {}
    new = {**old, **results} if args.names else results
    files = printed_files(recorded)
    if not args.names:  # printed files of programs that no longer exist
        for stale in HERE.glob("*.printed.py"):
            files.setdefault(stale, None)
    for name, result in sorted(results.items()):
        status = "accepted" if result["accepted"] else "REJECTED"
        detail = (
            f"wf={result.get('well_formed')} roundtrip={result.get('roundtrip')}"
            if result["accepted"]
            else f"{result['line']}:{result['column']} {result['message'][:90]}"
        )
        print(f"{name:45} {status:9} {detail}")
    accepted = sum(r["accepted"] for r in new.values())
    print(f"{len(new)} programs: {accepted} accepted, {len(new) - accepted} rejected")
    if args.check:
        changed = sorted(n for n in set(old) | set(new) if old.get(n) != new.get(n))
        for name in changed:
            print(f"differs: {name}\n  recorded: {old.get(name)}\n  now:      {new.get(name)}")
        for file, text in sorted(files.items()):
            if (file.read_text(encoding="utf-8") if file.exists() else None) != text:
                changed.append(file.name)
                print(f"differs: {file.name}")
        return 1 if changed else 0
    for file, text in files.items():
        if text is None:
            file.unlink(missing_ok=True)
        else:
            file.write_text(text, encoding="utf-8")
    EXPECTED.write_text(json.dumps(new, sort_keys=True, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
