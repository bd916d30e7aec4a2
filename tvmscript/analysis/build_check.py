"""Warnings for TIR that parses but that TVM's build for its target rejects or cannot run.

Each function is checked for its target: the ``target`` of its attributes
(``T.func_attr({"target": T.target("cuda")})``), else the project's (``[tool.tvmscript]
target = "cuda"`` in a ``pyproject.toml`` found upward from the file, see `project_target`),
else the one its body implies: a kernel binding GPU threads (``blockIdx.*``/``threadIdx.*``)
or written in the TIRx device DSL (``T.device_entry()``, ``T.cta_id``) is for a GPU (CUDA
assumed), any other for the CPU (llvm). Checked against TVM 0.27:

- ``build-unbound-var``: a variable used by the function but bound by nothing: not a
  parameter, not a bare dimension, stride or offset of a parameter's (or block's matched)
  buffer, not a loop, let, block axis or thread variable. TVM's ``MakePackedAPI`` stops
  with "variables (n,) are used, but are not passed in as API arguments". A dimension
  written as an expression (``(n * 2,)``) does not bind ``n``. (Not checked on TIRx device
  kernels, which TVM lowers with their own pipeline.)
- ``build-thread-binding``: a GPU thread bound in a function built for the CPU (an llvm or c
  target named by the function or the project): TVM's LLVM code generator fails ("not
  implemented"). Virtual threads (``vthread``) are fine.

On a GPU target, per kernel (the statements under an outermost thread binding, or after
``T.device_entry()``):

- ``gpu-thread-extent-conflict``: a thread launched (``T.launch_thread``) with two different
  extents in one kernel; TVM's build fails ("All loops that are bound to `threadIdx.x` should
  have the same extent").
- ``gpu-thread-limit``: more threads per block than the target's ``max_num_threads`` (CUDA:
  1024), or a dimension over its own limit (CUDA: ``threadIdx.z`` 64, ``blockIdx.y``/``z``
  65535): TVM builds the kernel, which cannot launch.
- ``gpu-shared-memory``: more static shared memory (``scope="shared"`` allocations of the
  body; a block's, which TVM compacts when lowering, are not counted) than the target's
  ``max_shared_memory_per_block`` (CUDA: 48 KiB): the kernel cannot load.
- ``gpu-thread-outside-kernel``: a TIRx scope id (``T.cta_id``, ``T.thread_id``, ...) outside
  ``T.device_entry()``: no kernel launches it (TVM accepts it, and the build fails on the
  unbound ids).

Scopes are not tracked (a variable bound anywhere counts as bound): the rules only report
what is certainly wrong, so no false alarm on any program TVM built.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from tvmscript.core.ir.dtype import DataType, DTypeError
from tvmscript.core.ir.module import IRModule
from tvmscript.core.ir.node import Node, node_fields
from tvmscript.core.ir.span import Span
from tvmscript.core.ir.target import Target
from tvmscript.core.tir.buffer import Buffer, MatchBufferRegion
from tvmscript.core.tir.device import DEVICE_ENTRY_KEY, SCOPE_ID_FUNCTIONS, ScopeIdDefStmt
from tvmscript.core.tir.expr import IntImm, IterVar, Var
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.stmt import AllocBuffer, AttrStmt, DeclBuffer, For, Stmt
from tvmscript.diagnostics import Diagnostic

_GPU_THREAD: Final = re.compile(r"(blockIdx|threadIdx)\.[xyz]")
_THREAD_ATTRS: Final = frozenset({"thread_extent", "virtual_thread"})
GPU_KINDS: Final = frozenset({"cuda", "nvptx", "rocm", "metal", "vulkan", "opencl", "webgpu"})
CPU_KINDS: Final = frozenset({"llvm", "c"})
ASSUMED_GPU: Final = "cuda"
"""The target of a kernel that binds GPU threads and names no target."""


@dataclass(frozen=True, slots=True)
class GpuLimits:
    """What a GPU target allows one kernel (TVM 0.27's target defaults, CUDA's hardware)."""

    max_threads: int
    """Threads per block (``max_num_threads``)."""
    dims: Mapping[str, int]
    """Per-dimension limits (``threadIdx.z``: 64 on CUDA); unlisted: only ``max_threads``."""
    shared_bytes: int | None
    """Static shared memory per block (``max_shared_memory_per_block``); None: not checked."""


_CUDA_DIMS: Final = {
    "threadIdx.x": 1024,
    "threadIdx.y": 1024,
    "threadIdx.z": 64,
    "blockIdx.x": 2**31 - 1,
    "blockIdx.y": 65535,
    "blockIdx.z": 65535,
}
_KIND_LIMITS: Final[dict[str, GpuLimits]] = {
    "cuda": GpuLimits(1024, _CUDA_DIMS, 49152),
    "nvptx": GpuLimits(1024, _CUDA_DIMS, 49152),
    "rocm": GpuLimits(256, {}, 65536),
    "metal": GpuLimits(256, {}, 32768),
    "vulkan": GpuLimits(256, {}, None),
    "opencl": GpuLimits(256, {}, 16384),
    "webgpu": GpuLimits(256, {}, 32768),
}


def gpu_limits(target: Target) -> GpuLimits:
    """The limits of a GPU ``target``: its own attributes, else its kind's defaults."""
    base = _KIND_LIMITS.get(target.kind, _KIND_LIMITS[ASSUMED_GPU])
    config = target.config
    threads = _positive(config.get("max_num_threads")) or base.max_threads
    shared = _positive(config.get("max_shared_memory_per_block")) or base.shared_bytes
    return GpuLimits(threads, base.dims, shared)


def _positive(value: object) -> int | None:
    if isinstance(value, IntImm):
        value = value.value
    if isinstance(value, int | str) and str(value).isdigit() and int(value) > 0:
        return int(value)
    return None


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


def build_issues(
    ir: Any, target: Target | str | Mapping[str, Any] | None = None
) -> list[BuildIssue]:
    """What would make the build of ``ir`` (a PrimFunc or an IRModule) fail or not run.

    ``target`` is the project's (`project_target`): for the functions naming none.
    """
    default = as_target(target)
    setting = None if default is None else repr(default.config)
    issues: list[BuildIssue] = []
    for name, func in _prim_funcs(ir):
        if _CLEAN.get(id(func)) == (func, setting):
            continue
        found = _function_issues(name, func, default)
        issues.extend(found)
        if not found:
            if len(_CLEAN) >= _CLEAN_LIMIT:
                _CLEAN.clear()
            _CLEAN[id(func)] = (func, setting)
    return issues


_CLEAN: dict[int, tuple[PrimFunc, str | None]] = {}
"""The functions found without issues (by identity, with the target setting they were
checked for): an analysis that reuses a function's IR does not check it again. IR is not
changed after it is built, so a function clean once stays clean."""
_CLEAN_LIMIT: Final = 4096


def build_diagnostics(
    ir: Any,
    text: str,
    filename: str = "<string>",
    target: Target | str | Mapping[str, Any] | None = None,
) -> list[Diagnostic]:
    """`build_issues` of ``ir`` (parsed from ``text``) as warnings located in ``text``.

    Without ``target``, the project's: `project_target` of ``filename``.
    """
    if target is None:
        target = project_target(filename) or _default_target
    lines = text.split("\n")
    return [
        Diagnostic.at(_locate(issue, lines, filename), issue.code, issue.message, "warning")
        for issue in build_issues(ir, target)
    ]


_default_target: Target | None = None


def set_default_target(value: object) -> Target | None:
    """The target of files whose project names none (an editor's setting; None: implied).

    Returns the `Target` set; raises ``ValueError`` for a value that names no target.
    """
    global _default_target
    target = as_target(value) if value is not None else None
    if value is not None and target is None:
        raise ValueError(f"not a target: {value!r}")
    _default_target = target
    return target


def default_target() -> Target | None:
    """The target `set_default_target` set (None: what a function implies)."""
    return _default_target


def as_target(value: object) -> Target | None:
    """A `Target` from a function's ``target`` attribute or a setting (str, dict or Target)."""
    if isinstance(value, Target):
        return value
    if isinstance(value, str | Mapping) and value:
        try:
            target = Target.from_config(value)
        except ValueError:
            return None
        return target if target.kind else None
    return None


def project_target(filename: str) -> Target | None:
    """The ``target`` of ``[tool.tvmscript]`` in the nearest ``pyproject.toml`` holding it.

    Searched upward from ``filename``'s directory; ``target = "cuda"`` or an inline table
    (``target = { kind = "cuda", arch = "sm_90" }``). None for an unnamed file (``<string>``).
    """
    if not filename or filename.startswith("<"):
        return None
    try:
        folder = Path(filename).resolve().parent
    except (OSError, RuntimeError):
        return None
    for directory in (folder, *folder.parents):
        candidate = directory / "pyproject.toml"
        try:
            stamp = candidate.stat().st_mtime_ns
        except OSError:
            continue
        found, setting = _setting(str(candidate), stamp)
        if found:
            return as_target(setting)
    return None


@lru_cache(maxsize=64)
def _setting(path: str, stamp: int) -> tuple[bool, object]:
    """Whether ``path`` has a ``[tool.tvmscript]`` table, and its ``target`` (``stamp``: mtime)."""
    del stamp  # part of the cache key: an edited file is read again
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return False, None
    table = data.get("tool", {}).get("tvmscript")
    if not isinstance(table, dict):
        return False, None
    return True, table.get("target")


def _prim_funcs(ir: Any) -> Iterator[tuple[str, PrimFunc]]:
    if isinstance(ir, PrimFunc):
        yield str(ir.attrs.get("global_symbol", "")), ir
    elif isinstance(ir, IRModule):
        for gv, func in ir.items():
            if isinstance(func, PrimFunc):
                yield gv.name_hint, func


def _function_issues(name: str, func: PrimFunc, default: Target | None) -> list[BuildIssue]:
    scan = _Scan()
    scan.function(func)
    target = as_target(func.attrs.get("target")) or default
    assumed = target is None
    if target is None:
        target = Target({"kind": ASSUMED_GPU if scan.is_kernel else "llvm"})
    keys = target.config.get("keys") or ()
    is_gpu = target.kind in GPU_KINDS or "gpu" in keys
    is_cpu = target.kind in CPU_KINDS or "cpu" in keys
    issues: list[BuildIssue] = []
    if not scan.device_entry:
        issues += [
            BuildIssue(
                "build-unbound-var",
                f"variable '{var.name}' is used but bound by no parameter, buffer shape or "
                "loop: the build would fail",
                name,
                var.name,
                span,
            )
            for var, span in scan.unbound()
        ]
    if is_cpu and scan.gpu_thread is not None:
        tag, span = scan.gpu_thread
        message = (
            f"GPU thread '{tag}' is bound: the build for the CPU ({target.kind}) target would fail"
        )
        issues.append(BuildIssue("build-thread-binding", message, name, tag, span))
    if is_gpu:
        note = f" (target {target.kind} assumed: the function names none)" if assumed else ""
        issues += _gpu_issues(name, scan, target, gpu_limits(target), note)
    return issues


def _gpu_issues(
    name: str, scan: _Scan, target: Target, limits: GpuLimits, note: str
) -> list[BuildIssue]:
    kind = target.kind
    issues: list[BuildIssue] = []
    if scan.outside is not None:
        var, func_name, span = scan.outside
        issues.append(
            BuildIssue(
                "gpu-thread-outside-kernel",
                f"T.{func_name} outside T.device_entry(): no kernel launches it, and the "
                "build would fail on its unbound ids",
                name,
                var,
                span,
            )
        )
    for kernel in scan.kernels:
        issues += _kernel_issues(name, kernel, scan, kind, limits, note)
    return issues


def _kernel_issues(
    name: str, kernel: _Kernel, scan: _Scan, kind: str, limits: GpuLimits, note: str
) -> list[BuildIssue]:
    issues: list[BuildIssue] = []
    for tag, bindings in kernel.bindings.items():
        extents = sorted({e for e, _, _ in bindings if e is not None})
        launched = [b for b in bindings if b[1]]
        if len(extents) > 1 and launched:
            span = next((s for e, _, s in bindings if e == extents[-1]), None)
            issues.append(
                BuildIssue(
                    "gpu-thread-extent-conflict",
                    f"'{tag}' is launched with extents {extents[0]} and {extents[-1]} in one "
                    "kernel: TVM's build requires every binding of a thread to have one extent",
                    name,
                    tag,
                    span,
                )
            )
        limit = limits.dims.get(tag)
        if tag.startswith("threadIdx") and limit is not None and limit >= limits.max_threads:
            limit = None  # the threads-per-block limit says it
        if limit is not None and extents and extents[-1] > limit:
            span = next((s for e, _, s in bindings if e == extents[-1]), None)
            issues.append(
                BuildIssue(
                    "gpu-thread-limit",
                    f"'{tag}' has extent {extents[-1]}, over the {kind} target's limit of "
                    f"{limit} for that dimension: the kernel cannot launch{note}",
                    name,
                    tag,
                    span,
                )
            )
    threads, culprit = kernel.threads()
    if threads > limits.max_threads:
        issues.append(
            BuildIssue(
                "gpu-thread-limit",
                f"{threads} threads per block, over the {kind} target's limit of "
                f"{limits.max_threads} (max_num_threads): the kernel cannot launch{note}",
                name,
                culprit[0],
                culprit[1],
            )
        )
    if limits.shared_bytes is not None:
        used, largest = scan.shared_bytes(kernel)
        if used > limits.shared_bytes and largest is not None:
            issues.append(
                BuildIssue(
                    "gpu-shared-memory",
                    f"{used} bytes of shared memory per block, over the {kind} target's "
                    f"{limits.shared_bytes} (max_shared_memory_per_block): the kernel cannot "
                    f"load{note}",
                    name,
                    largest.name,
                    kernel.span,
                )
            )
    return issues


@dataclass
class _Kernel:
    """One kernel: its thread bindings (tag → extent, launched, span) and the buffers it uses."""

    span: Span | None
    bindings: dict[str, list[tuple[int | None, bool, Span | None]]] = field(default_factory=dict)
    scope_threads: list[tuple[int, str, Span | None]] = field(default_factory=list)
    """``T.thread_id([...])`` of the device DSL: threads per CTA, the id's name, its span."""
    buffers: set[int] = field(default_factory=set)

    def threads(self) -> tuple[int, tuple[str, Span | None]]:
        """Threads per block, and the binding to point at (tag or id name, span)."""
        count, culprit = 1, ("", self.span)
        for tag in ("threadIdx.x", "threadIdx.y", "threadIdx.z"):
            extents = [(e, s) for e, _, s in self.bindings.get(tag, ()) if e is not None]
            if extents:
                extent, span = max(extents, key=lambda pair: pair[0])
                count *= extent
                culprit = (tag, span)
        for extent, id_name, span in self.scope_threads:
            count = max(count, extent)
            culprit = (id_name, span)
        return count, culprit


class _Scan:
    """Variables a function uses and binds, its first GPU thread binding, and its kernels."""

    def __init__(self) -> None:
        self.bound: set[int] = set()
        self.used: dict[int, tuple[Var, Span | None]] = {}
        self.gpu_thread: tuple[str, Span | None] | None = None
        self.kernels: list[_Kernel] = []
        self.device_entry = False
        self.outside: tuple[str, str, Span | None] | None = None
        self.allocations: dict[int, Buffer] = {}
        self._kernel: _Kernel | None = None
        self._in_entry = False
        self._buffers: set[int] = set()
        self._where: Span | None = None

    @property
    def is_kernel(self) -> bool:
        """Whether the function is a GPU kernel (binds GPU threads, or uses the device DSL)."""
        return bool(self.kernels) or self.outside is not None

    def unbound(self) -> list[tuple[Var, Span | None]]:
        return [found for key, found in self.used.items() if key not in self.bound]

    def shared_bytes(self, kernel: _Kernel) -> tuple[int, Buffer | None]:
        """The static shared memory ``kernel`` uses (bytes), and its largest shared buffer."""
        total, largest, most = 0, None, -1
        for key in kernel.buffers:
            buffer = self.allocations.get(key)
            if buffer is None or buffer.scope != "shared":
                continue
            size = _bytes(buffer)
            total += size
            if size > most:
                largest, most = buffer, size
        return total, largest

    def function(self, func: PrimFunc) -> None:
        for param in func.params:
            self.bound.add(id(param))
        for buffer in func.buffer_map.values():
            self._match(buffer)
        self.visit(func.body)

    def visit(self, value: Any) -> None:
        if isinstance(value, Var):
            self.used.setdefault(id(value), (value, self._where))
            if self._kernel is not None:
                self._kernel.buffers.add(id(value))
        elif isinstance(value, Buffer):
            if self._kernel is not None:
                self._kernel.buffers.add(id(value.data))
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
        outer, outer_kernel = self._where, self._kernel
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
        if outer_kernel is None and not self._in_entry:
            self._kernel = None  # the kernel this statement opened ends with it

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
                if isinstance(owner, AllocBuffer):  # a block's buffers shrink when lowered
                    self.allocations[id(value.data)] = value
                if self._kernel is not None:
                    self._kernel.buffers.add(id(value.data))
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
        """Thread bindings, device entries and scope ids: the kernels they open."""
        iter_var, extent, launched = None, None, False
        if isinstance(node, For) and node.thread_binding is not None:
            iter_var, extent = node.thread_binding, node.extent
        elif isinstance(node, AttrStmt) and node.attr_key in _THREAD_ATTRS:
            iter_var = node.node if isinstance(node.node, IterVar) else None
            extent, launched = node.value, True
        elif isinstance(node, AttrStmt) and node.attr_key == DEVICE_ENTRY_KEY:
            self.device_entry = True
            if not self._in_entry:
                self._open(node)
                self._in_entry = True  # a flat statement: the kernel runs to the end
        elif isinstance(node, ScopeIdDefStmt):
            self._scope_id(node)
        if iter_var is None or not _GPU_THREAD.fullmatch(iter_var.thread_tag):
            return
        if self.gpu_thread is None:
            self.gpu_thread = (iter_var.thread_tag, self._where)
        kernel = self._kernel or self._open(node)
        value = extent.value if isinstance(extent, IntImm) else None
        kernel.bindings.setdefault(iter_var.thread_tag, []).append((value, launched, self._where))

    def _open(self, node: Node) -> _Kernel:
        kernel = _Kernel(node.span if isinstance(node, Stmt) else None)
        self.kernels.append(kernel)
        self._kernel = kernel
        return kernel

    def _scope_id(self, node: ScopeIdDefStmt) -> None:
        definition = node.definition
        if not self._in_entry:
            if self.outside is None:
                func_name = SCOPE_ID_FUNCTIONS.get((definition.parent, definition.cur), "scope id")
                first = definition.def_ids[0].name if definition.def_ids else func_name
                self.outside = (first, func_name, self._where)
            return
        if self._kernel is None or (definition.parent, definition.cur) != ("cta", "thread"):
            return
        extents = definition.extents or ()
        if extents and all(isinstance(e, IntImm) for e in extents):
            count = math.prod(e.value for e in extents if isinstance(e, IntImm))
            name = definition.def_ids[0].name if definition.def_ids else "thread_id"
            self._kernel.scope_threads.append((count, name, self._where))


def _bytes(buffer: Buffer) -> int:
    """The storage of a buffer of constant shape (0 when symbolic or of no known dtype)."""
    if not all(isinstance(d, IntImm) for d in buffer.shape):
        return 0
    try:
        element = DataType.of(buffer.dtype).bytes
    except DTypeError:
        return 0
    return element * math.prod(d.value for d in buffer.shape if isinstance(d, IntImm))


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
