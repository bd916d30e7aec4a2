"""The error of an operator call that cannot be legalized."""

from __future__ import annotations

from typing import Final

from tvmscript.core.ir.span import Span
from tvmscript.diagnostics import Diagnostic

CODE: Final = "unsupported-operator"
"""The diagnostic code of a `LegalizeError`."""


class LegalizeError(ValueError):
    """An operator call with no TIR meaning here (a distributed operator, an unknown shape).

    ``op_name`` is the operator as written (``"R.ccl.allreduce"``); ``span`` the binding's
    source range, when the IR came from text.
    """

    code: Final = CODE

    def __init__(self, op_name: str, reason: str, span: Span | None = None) -> None:
        where = f" at {span.file}:{span.line}:{span.column}" if span is not None else ""
        super().__init__(f"cannot legalize '{op_name}'{where}: {reason}")
        self.op_name = op_name
        self.reason = reason
        self.span = span

    def diagnostic(self) -> Diagnostic | None:
        """This error as a diagnostic at its span (None when the call has no span)."""
        if self.span is None:
            return None
        return Diagnostic.error(self.span, CODE, f"cannot legalize '{self.op_name}': {self.reason}")


class UnknownShape(LegalizeError):
    """A tensor of the call has no known shape: the call is kept as it is (as TVM does)."""
