"""The error of code generation: located where the IR came from."""

from __future__ import annotations

from tvmscript.core.ir.span import Span


class CodegenError(Exception):
    """IR the CPU code generator cannot build (a GPU-only construct, an unknown intrinsic, ...).

    ``span`` is where the offending IR came from, when it came from text.
    """

    code = "codegen-unsupported"

    def __init__(self, message: str, span: Span | None = None) -> None:
        where = f"{span.file}:{span.line}:{span.column}: " if span is not None else ""
        super().__init__(f"{where}{message}")
        self.message = message
        self.span = span
