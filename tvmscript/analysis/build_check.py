"""Warnings for TIR that parses but that TVM's build (``tvm.compile(..., target="llvm")``) rejects.

Checked against TVM 0.27, each rule on programs that parse but fail to build:

- ``build-unbound-var``: a variable used by the function but bound by nothing: not a
  parameter, not a bare dimension, stride or offset of a parameter's (or block's matched)
  buffer, not a loop, let, block axis or thread variable. TVM's ``MakePackedAPI`` stops
  with "variables (n,) are used, but are not passed in as API arguments". A dimension
  written as an expression (``(n * 2,)``) does not bind ``n``.
- ``build-thread-binding``: a GPU thread (``blockIdx.*``/``threadIdx.*``) bound in a function
  built for the CPU (the llvm target): TVM's LLVM code generator fails ("not implemented").
  Virtual threads (``vthread``) are fine.

Scopes are not tracked (a variable bound anywhere counts as bound): the rules only report
what is certainly unbound, so no false alarm on any program TVM built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from tvmscript.core.ir.module import IRModule
from tvmscript.core.ir.node import Node, node_fields
from tvmscript.core.ir.span import Span
from tvmscript.core.tir.buffer import Buffer, MatchBufferRegion
from tvmscript.core.tir.expr import IterVar, Var
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.stmt import AttrStmt, DeclBuffer, For, Stmt
from tvmscript.diagnostics import Diagnostic

_GPU_THREAD: Final = re.compile(r"(blockIdx|threadIdx)\.[xyz]")
_THREAD_ATTRS: Final = frozenset({"thread_extent", "virtual_thread"})


@dataclass(frozen=True, slots=True)
class BuildIssue:
    """One reason the build would fail: where (a statement span, a name to find) and why."""

    code: str
    message: str
    function: str
    name: str
    """The text that shows the culprit (a variable's name, a thread tag)."""
    span: Span | None
    """The innermost statement involved, when the parser located it."""


def build_issues(ir: Any) -> list[BuildIssue]:
    """What would make the llvm build of ``ir`` (a PrimFunc or an IRModule) fail."""
    issues: list[BuildIssue] = []
    for name, func in _prim_funcs(ir):
        issues.extend(_function_issues(name, func))
    return issues


def build_diagnostics(ir: Any, text: str, filename: str = "<string>") -> list[Diagnostic]:
    """`build_issues` of ``ir`` (parsed from ``text``) as warnings located in ``text``."""
    lines = text.split("\n")
    return [
        Diagnostic.at(_locate(issue, lines, filename), issue.code, issue.message, "warning")
        for issue in build_issues(ir)
    ]


def _prim_funcs(ir: Any) -> Iterator[tuple[str, PrimFunc]]:
    if isinstance(ir, PrimFunc):
        yield str(ir.attrs.get("global_symbol", "")), ir
    elif isinstance(ir, IRModule):
        for gv, func in ir.items():
            if isinstance(func, PrimFunc):
                yield gv.name_hint, func


def _function_issues(name: str, func: PrimFunc) -> list[BuildIssue]:
    scan = _Scan()
    scan.function(func)
    issues = [
        BuildIssue(
            "build-unbound-var",
            f"variable '{var.name}' is used but bound by no parameter, buffer shape or loop: "
            "the build would fail",
            name,
            var.name,
            span,
        )
        for var, span in scan.unbound()
    ]
    if scan.gpu_thread is not None:
        tag, span = scan.gpu_thread
        issues.append(
            BuildIssue(
                "build-thread-binding",
                f"GPU thread '{tag}' is bound: the build for the CPU (llvm) target would fail",
                name,
                tag,
                span,
            )
        )
    return issues


class _Scan:
    """Variables a function uses and binds, and its first GPU thread binding."""

    def __init__(self) -> None:
        self.bound: set[int] = set()
        self.used: dict[int, tuple[Var, Span | None]] = {}
        self.gpu_thread: tuple[str, Span | None] | None = None
        self._buffers: set[int] = set()
        self._where: Span | None = None

    def unbound(self) -> list[tuple[Var, Span | None]]:
        return [found for key, found in self.used.items() if key not in self.bound]

    def function(self, func: PrimFunc) -> None:
        for param in func.params:
            self.bound.add(id(param))
        for buffer in func.buffer_map.values():
            self._match(buffer)
        self.visit(func.body)

    def visit(self, value: Any) -> None:
        if isinstance(value, Var):
            self.used.setdefault(id(value), (value, self._where))
        elif isinstance(value, Buffer):
            self._buffer(value)
        elif isinstance(value, Node):
            self._node(value)
        elif isinstance(value, tuple | list):
            for item in value:
                self.visit(item)
        elif isinstance(value, Mapping):
            for item in value.values():
                self.visit(item)

    def _node(self, node: Node) -> None:
        outer = self._where
        if isinstance(node, Stmt) and node.span is not None:
            self._where = node.span
        self._thread(node)
        for field_name, kind in node_fields(type(node)):
            if field_name == "span":
                continue
            value = getattr(node, field_name)
            if kind == "def":
                self._bind(node, value)
            else:
                self.visit(value)
        self._where = outer

    def _bind(self, owner: Node, value: Any) -> None:
        if isinstance(value, Var):
            self.bound.add(id(value))
        elif isinstance(value, Buffer):
            if isinstance(owner, MatchBufferRegion):
                self._match(value)
            elif isinstance(owner, DeclBuffer):  # declared over a pointer bound elsewhere
                self._buffer(value)
            else:  # an allocation: its pointer is new, its shape must be bound already
                self.bound.add(id(value.data))
                self._buffer(value)
        elif isinstance(value, tuple | list):
            for item in value:
                self._bind(owner, item)

    def _match(self, buffer: Buffer) -> None:
        """A matched buffer binds its pointer and every bare variable of its layout."""
        self.bound.add(id(buffer.data))
        for dim in (*buffer.shape, *buffer.strides, buffer.elem_offset):
            if isinstance(dim, Var):
                self.bound.add(id(dim))
        self._buffer(buffer)

    def _buffer(self, buffer: Buffer) -> None:
        if id(buffer) in self._buffers:
            return
        self._buffers.add(id(buffer))
        self.visit(buffer.data)
        self.visit((buffer.shape, buffer.strides, buffer.elem_offset))

    def _thread(self, node: Node) -> None:
        if self.gpu_thread is not None:
            return
        iter_var = None
        if isinstance(node, For) and node.thread_binding is not None:
            iter_var = node.thread_binding
        elif isinstance(node, AttrStmt) and node.attr_key in _THREAD_ATTRS:
            iter_var = node.node if isinstance(node.node, IterVar) else None
        if iter_var is not None and _GPU_THREAD.fullmatch(iter_var.thread_tag):
            self.gpu_thread = (iter_var.thread_tag, self._where)


def _locate(issue: BuildIssue, lines: list[str], filename: str) -> Span:
    """The first occurrence of ``issue.name`` in its statement, else in its function."""
    pattern = re.compile(rf"(?<![\w.]){re.escape(issue.name)}(?!\w)")
    first, last = _function_lines(issue.function, lines)
    if issue.span is not None:
        first, last = issue.span.line, issue.span.end_line
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        if (found := pattern.search(lines[number - 1])) is not None:
            return Span(filename, number, found.start() + 1, number, found.end() + 1)
    line = max(min(first, len(lines)), 1)
    return Span(filename, line, 1, line, len(lines[line - 1]) + 1)


def _function_lines(name: str, lines: list[str]) -> tuple[int, int]:
    """The lines (1-based) from ``def name`` to the end of the text."""
    head = re.compile(rf"\s*def\s+{re.escape(name)}\b")
    for number, line in enumerate(lines, 1):
        if head.match(line):
            return number, len(lines)
    return 1, len(lines)
