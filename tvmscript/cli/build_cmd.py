"""``tvmscript build FILE [-o OUT] [--emit ll|asm|obj|so] [--target TARGET]``.

Compiles the file's PrimFuncs for a CPU target and writes a shared library (default, with its
C header beside it), an object file, assembly or LLVM IR. A kernel the CPU cannot run is a
located error, exit 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Final

from tvmscript.cli.common import UsageError, error, print_diagnostics, read_text
from tvmscript.codegen.llvm import CodegenError, generate
from tvmscript.codegen.llvm.jit import emit_assembly, parse_and_optimize
from tvmscript.core.ir.node import Node
from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.parser.api import from_source

_SUFFIX: Final = {"ll": ".ll", "asm": ".s", "obj": ".o", "so": ".so"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``build``."""
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-o", "--output", metavar="OUT", help="output path (default: FILE's stem)")
    parser.add_argument("--emit", choices=tuple(_SUFFIX), default="so", help="what to write")
    parser.add_argument(
        "--target", default="llvm", help="'llvm', 'llvm -mcpu=NAME -mattr=...' or 'native'"
    )


def load(path: Path) -> tuple[Node, str] | int:
    """The IR of file ``path`` and its text, or an exit code after reporting why not."""
    try:
        text = read_text(path)
    except UsageError as exc:
        error(str(exc))
        return 2
    try:
        return from_source(text, filename=str(path)), text
    except DiagnosticError as exc:
        print_diagnostics(exc.diagnostics, text)
        return 1


def report(exc: CodegenError, path: Path) -> int:
    """Show a code generation error (located when it can be); exit code 1."""
    if exc.span is not None:
        span = exc.span
        # A legalization error's message names its place too (`LegalizeError`): once is enough.
        message = exc.message.replace(f" at {span.file}:{span.line}:{span.column}:", ":")
        print(f"{path}:{span.line}:{span.column}: error: {message}", file=sys.stderr)
    else:
        print(f"{path}: error: {exc.message}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    """Compile the file and write the requested output."""
    path = Path(args.file)
    loaded = load(path)
    if isinstance(loaded, int):
        return loaded
    obj, _ = loaded
    out = Path(args.output) if args.output else path.with_suffix(_SUFFIX[args.emit])
    try:
        written = build(obj, args.emit, args.target, out)
    except CodegenError as exc:
        return report(exc, path)
    except OSError as exc:
        error(f"cannot write '{out}': {exc}")
        return 2
    print(f"wrote {written}")
    return 0


def build(obj: Node, emit: str, target: str, out: Path) -> Path:
    """Compile ``obj`` and write ``out`` as ``emit`` says."""
    from tvmscript.runtime.export import library_ir, object_code
    from tvmscript.runtime.vm import has_relax

    if has_relax(obj):  # kernels and the VM program (see relax_cmd)
        from tvmscript.cli.relax_cmd import build_relax

        return build_relax(obj, emit, target, out)

    generated = generate(obj, target)
    if emit == "so":
        from tvmscript.runtime.export import header, link_shared

        obj_path = out.with_suffix(".o.tmp")
        obj_path.write_bytes(object_code(generated))
        try:
            link_shared(obj_path, out)
        finally:
            obj_path.unlink(missing_ok=True)
        out.with_suffix(".h").write_text(header(generated.kernels, out.stem))
        return out
    if emit == "obj":
        out.write_bytes(object_code(generated))
        return out
    mod = parse_and_optimize(library_ir(generated), generated.spec)
    out.write_text(str(mod) if emit == "ll" else emit_assembly(mod, generated.spec))
    return out
