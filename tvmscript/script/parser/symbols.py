"""The symbol index of a file: every name a TVMScript definition binds, where, and its uses.

The index is a by-product of a real parse: `index_source` runs the parser with a recording
`VarTable` (each binding the parser makes is a symbol, located at the name it binds) and a
recording evaluator (each name the parser resolves is a use of the binding it resolved to), so
the index agrees with what the parser understood, shadowing and scopes included. Like
`check_source` it never raises and never runs user code; a definition with errors still
indexes every name bound before (and after) the error.

Public shape (other modules rely on it)::

    SymbolInfo(name, kind, span, detail, references, scope, parameter, node, inferred)
        kind: "param" | "buffer" | "loop_var" | "block_axis" | "scalar" | "block" | "function"
        span: the binding occurrence (the name token; for a block the text of its name
              string), 1-based lines and columns, end exclusive, like `Diagnostic`.
        references: every other occurrence (uses, reassignments), same units.
        scope: where the name is visible (the def, for, with... that owns it).
        parameter: whether it is a function parameter (a ``T.Buffer`` parameter has kind
              "buffer" and ``parameter=True``).
        node: the whole construct that binds it (the def of a function, the ``with`` of a
              block; for other kinds its statement).
        inferred: what the parser inferred that the text at the name does not say: the dtype
              of a local scalar (``T.float32``), the kind and domain of a block axis
              (``spatial(128)``); "" otherwise.
    SymbolIndex.at(line, column) -> SymbolInfo | None    # binding or use under the position
    SymbolIndex.visible_at(line, column) -> list[SymbolInfo]   # names usable there
    index_source(text, filename) -> SymbolIndex
    IncrementalChecker(filename).analyse(text).symbols   # re-parses changed definitions only

Positions given to `at`/`visible_at` are 1-based (line, character column), as in spans.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Final

from tvmscript.core.ir.span import Span
from tvmscript.diagnostics import Diagnostic, debug_enabled
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.core.source import Source
from tvmscript.script.parser.core.var_table import VarTable

KINDS: Final = ("param", "buffer", "loop_var", "block_axis", "scalar", "block", "function")
_WHOLE_FILE_END: Final = 1 << 30
_BLOCK_CALLS: Final = frozenset({"sblock", "block"})
_THREAD_CALLS: Final = frozenset({"launch_thread", "env_thread"})
_AXIS_KINDS: Final = {0: "spatial", 2: "reduce", 3: "scan", 4: "opaque"}
_LOOP_KINDS: Final = {
    0: "serial",
    1: "parallel",
    2: "vectorized",
    3: "unroll",
    4: "thread_binding",
}


@dataclass(frozen=True, slots=True)
class SymbolInfo:
    """One bound name (see the module docstring)."""

    name: str
    kind: str
    span: Span
    detail: str
    references: tuple[Span, ...]
    scope: Span
    parameter: bool = False
    node: Span | None = None
    inferred: str = ""

    def occurrences(self) -> tuple[Span, ...]:
        """The binding occurrence, then every reference."""
        return (self.span, *self.references)


@dataclass(slots=True)
class SymbolIndex:
    """The symbols of one file, with position lookups."""

    symbols: list[SymbolInfo]
    _by_line: dict[int, list[tuple[Span, SymbolInfo]]] | None = field(default=None, repr=False)

    def _lines(self) -> dict[int, list[tuple[Span, SymbolInfo]]]:
        """Occurrences by line, built on the first lookup (diagnostics never need it)."""
        if self._by_line is None:
            by_line: dict[int, list[tuple[Span, SymbolInfo]]] = {}
            for symbol in self.symbols:
                for span in symbol.occurrences():
                    by_line.setdefault(span.line, []).append((span, symbol))
            self._by_line = by_line
        return self._by_line

    def at(self, line: int, column: int, touching: bool = False) -> SymbolInfo | None:
        """The symbol whose binding or use is under 1-based ``(line, column)``.

        With ``touching``, a position just after a name (a cursor at its end) also counts.
        """
        found: SymbolInfo | None = None
        for span, symbol in self._lines().get(line, ()):
            if span.column <= column < span.end_column:
                return symbol
            if touching and column == span.end_column:
                found = symbol
        return found

    def visible_at(self, line: int, column: int) -> list[SymbolInfo]:
        """Names usable at 1-based ``(line, column)`` (innermost binding of each name).

        Blocks are not names; parameters and functions are visible in their whole scope,
        other names from their binding on.
        """
        best: dict[str, SymbolInfo] = {}
        for symbol in self.symbols:
            if symbol.kind == "block" or not symbol.scope.contains(line, column):
                continue
            anywhere = symbol.kind in ("param", "function") or symbol.parameter
            if not anywhere and (line, column) <= (symbol.span.line, symbol.span.column):
                continue
            other = best.get(symbol.name)
            if other is None or _inner(symbol.scope, other.scope):
                best[symbol.name] = symbol
        return sorted(best.values(), key=lambda s: s.name)

    def occurrences(self) -> list[tuple[Span, SymbolInfo, bool]]:
        """Every (span, symbol, is the binding) of the file, in text order."""
        out = [(s.span, s, True) for s in self.symbols]
        out.extend((r, s, False) for s in self.symbols for r in s.references)
        out.sort(key=lambda item: (item[0].line, item[0].column))
        return out

    def named(self, name: str) -> list[SymbolInfo]:
        """Every symbol called ``name``."""
        return [s for s in self.symbols if s.name == name]


def _inner(a: Span, b: Span) -> bool:
    """Whether scope ``a`` starts inside (after) scope ``b``."""
    return (a.line, a.column) > (b.line, b.column)


def index_source(text: str, filename: str = "<string>") -> SymbolIndex:
    """The symbol index of ``text``; never raises (an index of what could be read).

    It is one product of the analysis of the file (`incremental.analyse_source`): the parse
    that finds the diagnostics records the symbols.
    """
    from tvmscript.script.parser.incremental import analyse_source  # (it imports this module)

    return analyse_source(text, filename).symbols


# --- recording -------------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class _Binding:
    name: str
    kind: str
    span: Span
    detail: str
    scope: Span
    parameter: bool = False
    node: Span | None = None
    refs: set[Span] = field(default_factory=set)
    inferred: str = ""


@dataclass(slots=True)
class _UnitResult:
    """The symbols one top-level statement defined, and its uses of top-level names."""

    symbols: list[SymbolInfo]
    global_uses: list[tuple[str, Span]]
    top_functions: list[str]  # names of top-level (not module member) function symbols

    def shifted(self, by: int) -> _UnitResult:
        if by == 0:
            return self
        return _UnitResult(
            [_shift_symbol(s, by) for s in self.symbols],
            [(n, _shift(sp, by)) for n, sp in self.global_uses],
            self.top_functions,
        )


class _Recorder:
    """What the recording parser saw, for the current top-level statement."""

    def __init__(self) -> None:
        self.bindings: list[_Binding] = []
        self.by_span: dict[Span, _Binding] = {}
        self.stmts: list[doc.Stmt] = []
        self.function: doc.FunctionDef | None = None
        self.unit_span: Span | None = None
        self.in_class = False
        self.functions: dict[str, _Binding] = {}  # module members of the current class
        self.module_uses: list[tuple[str, Span]] = []
        self.global_uses: list[tuple[str, Span]] = []
        self.top_functions: list[str] = []
        self.builder_frames: Callable[[], list[Any]] = lambda: []

    # --- units -----------------------------------------------------------------------------

    def begin_unit(self, source: Source, stmt: ast.stmt) -> None:
        first = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", [])])
        self.unit_span = source.span(first, 0, stmt.end_lineno, stmt.end_col_offset)
        self.function = None
        self.stmts.clear()
        self.in_class = isinstance(stmt, ast.ClassDef)
        self.functions = {}
        self.module_uses = []

    def end_unit(self) -> None:
        for name, span in self.module_uses:
            if (target := self.functions.get(name)) is not None:
                target.refs.add(span)

    def take(self) -> _UnitResult:
        """Everything recorded since the last `take`."""
        symbols = _with_axes([_freeze(b) for b in self.bindings])
        result = _UnitResult(symbols, self.global_uses, self.top_functions)
        self.bindings, self.by_span = [], {}
        self.global_uses, self.top_functions = [], []
        return result

    # --- scopes ----------------------------------------------------------------------------

    def scope(self) -> Span:
        if self.stmts:
            return self.stmts[-1].span
        if self.function is not None:
            return self.function.span
        return self.unit_span or _whole_file("<string>")

    # --- bindings --------------------------------------------------------------------------

    def _new(self, binding: _Binding) -> _Binding:
        old = self.by_span.get(binding.span)
        if old is not None:  # bound again at the same place (a macro expanded twice)
            return old
        self.by_span[binding.span] = binding
        self.bindings.append(binding)
        return binding

    def function_def(self, node: doc.FunctionDef) -> None:
        self.function = node
        span = _def_name_span(node)
        if span is None:
            return
        scope = self.unit_span if self.in_class and self.unit_span else _whole_file(span.file)
        binding = self._new(
            _Binding(node.name, "function", span, _function_detail(node), scope, node=node.span)
        )
        if self.in_class:
            self.functions[node.name] = binding
        else:
            self.top_functions.append(node.name)

    def block(self, stmt: doc.With) -> None:
        item = stmt.items[0] if stmt.items else None
        call = item.context_expr if item is not None else None
        if not isinstance(call, doc.Call) or _call_name(call) not in _BLOCK_CALLS:
            return
        name = call.args[0] if call.args else None
        if not isinstance(name, doc.Constant) or not isinstance(name.value, str):
            return
        if not name.value or (span := _string_span(name)) is None:
            return
        detail = f"with T.sblock({name.value!r}):".replace("'", '"')
        self._new(_Binding(name.value, "block", span, detail, stmt.span, node=stmt.span))

    def bind(self, name: str, value: Any, scope: Span) -> _Binding | None:
        """The symbol for the parser binding ``name`` to ``value`` now, if it is located."""
        if _is_module_ref(value):
            return None
        if self.stmts:
            return self._bind_in_stmt(self.stmts[-1], name, value, scope)
        if self.function is not None:
            return self._bind_param(self.function, name, value, scope)
        return None

    def _bind_param(
        self, func: doc.FunctionDef, name: str, value: Any, scope: Span
    ) -> _Binding | None:
        for arg in func.args.args:
            if arg.arg == name:
                span = _token_span(arg, name)
                ann = _text(arg.annotation) if arg.annotation is not None else ""
                if _is_buffer(value) or (value is POISON and "Buffer" in ann):
                    kind, detail = "buffer", _buffer_detail(name, value, "parameter", ann)
                else:
                    kind, detail = "param", _scalar_detail(name, value, ann)
                return self._new(_Binding(name, kind, span, detail, scope, True, arg.span))
        for arg in func.args.args:  # a size name a signature introduces: ("n", 4)
            if arg.annotation is not None and (found := _shape_name(arg.annotation, name)):
                detail = _scalar_detail(name, value, "") + "  # size variable"
                return self._new(_Binding(name, "scalar", found, detail, scope, node=arg.span))
        return None

    def _bind_in_stmt(self, stmt: doc.Stmt, name: str, value: Any, scope: Span) -> _Binding | None:
        node = stmt.span
        if isinstance(stmt, doc.For) and (target := _find_target(stmt.target, name)):
            detail = self._loop_detail(stmt, name, value)
            return self._new(_Binding(name, "loop_var", target.span, detail, scope, node=node))
        if isinstance(stmt, doc.AnnAssign) and (target := _find_target(stmt.target, name)):
            ann = _text(stmt.annotation)
            if _is_buffer(value):
                detail = _buffer_detail(name, value, "local", ann)
                return self._new(_Binding(name, "buffer", target.span, detail, scope, node=node))
            detail = f"{name}: {_one_line(ann)}"
            return self._new(_Binding(name, "scalar", target.span, detail, scope, node=node))
        if isinstance(stmt, doc.FunctionDef) and stmt.name == name:  # a nested T.macro
            if (span := _def_name_span(stmt)) is None:
                return None
            detail = _function_detail(stmt)
            return self._new(_Binding(name, "function", span, detail, scope, node=node))
        target, value_node = _assigned(stmt, name)
        if target is None:
            found = _shape_name(stmt, name) if _is_var(value) else None
            if found is None:
                return None
            detail = _scalar_detail(name, value, "") + "  # size variable"
            return self._new(_Binding(name, "scalar", found, detail, scope, node=node))
        kind, detail, inferred = self._classify(stmt, name, value, value_node)
        binding = _Binding(name, kind, target.span, detail, scope, node=node, inferred=inferred)
        return self._new(binding)

    def _classify(
        self, stmt: doc.Stmt, name: str, value: Any, value_node: doc.Expr | None
    ) -> tuple[str, str, str]:
        """Kind, detail and what was inferred (`SymbolInfo.inferred`) of a bound value."""
        call = value_node if isinstance(value_node, doc.Call) else None
        chain = _dotted(call.func) if call is not None else []
        statement = _one_line(_text(stmt)) if not isinstance(stmt, doc.With) else ""
        if "axis" in chain[-2:]:
            return ("block_axis", *self._axis_detail(name, value, statement))
        if chain and chain[-1] in _THREAD_CALLS:
            return "loop_var", statement or f"{name} = {_one_line(_text(call))}", ""
        if _is_buffer(value):
            origin = f"T.{chain[-1]}" if chain else "alias"
            return "buffer", _buffer_detail(name, value, origin, ""), ""
        if value is POISON:
            if chain and ("buffer" in chain[-1] or chain[-1] == "alloc_local"):
                return "buffer", statement, ""
            return "scalar", statement, ""
        if type(value).__name__ == "LocalScalar":
            dtype = _dtype_ann(value.buffer.dtype)
            return "scalar", f"{name}: {dtype}  # local scalar", dtype
        if _is_var(value):
            if isinstance(stmt, doc.With):
                text = f"{name} = {_one_line(_text(value_node))}" if value_node else name
                return "loop_var", text, ""
            return "scalar", _scalar_detail(name, value, ""), ""
        if type(value).__name__ == "Macro":
            return "function", f"@T.macro\ndef {name}(...)", ""
        return "scalar", statement or name, ""

    # --- details ---------------------------------------------------------------------------

    def _loop_detail(self, stmt: doc.For, name: str, value: Any) -> str:
        iter_text = _one_line(_text(stmt.iter))
        if isinstance(stmt.target, doc.Name) and not iter_text.split("(")[0].endswith("grid"):
            return f"for {name} in {iter_text}"
        for frame in reversed(self.builder_frames()):
            loop_vars = getattr(frame, "vars", None)
            doms = getattr(frame, "doms", None)
            if not isinstance(loop_vars, list) or not isinstance(doms, list):
                continue
            for var, dom in zip(loop_vars, doms, strict=False):
                if var is value:
                    bounds = _bounds(dom.min, dom.extent)
                    return f"for {name} in T.serial({bounds})  # {iter_text}"
            break
        return f"for {name} in {iter_text}"

    def _axis_detail(self, name: str, value: Any, statement: str) -> tuple[str, str]:
        """``vi = T.axis.spatial(128, i)`` and its inferred ``spatial(128)``."""
        for frame in reversed(self.builder_frames()):
            iter_vars = getattr(frame, "iter_vars", None)
            if not isinstance(iter_vars, list):
                continue
            values = getattr(frame, "iter_values", [])
            for k, iv in enumerate(iter_vars):
                if iv.var is value and iv.dom is not None:
                    kind = _AXIS_KINDS.get(iv.iter_type.value, iv.iter_type.name.lower())
                    dom = _axis_dom(iv.dom.min, iv.dom.extent)
                    binding = _script(values[k]) if k < len(values) else "?"
                    return f"{name} = T.axis.{kind}({dom}, {binding})", f"{kind}({dom})"
            break
        return statement or name, ""


class RecordingVarTable(VarTable):
    """A `VarTable` that makes each binding a symbol and remembers which one a name means."""

    def __init__(self, recorder: _Recorder) -> None:
        super().__init__()
        self.recorder = recorder
        self.symbols: dict[str, list[_Binding | None]] = {}
        self.scopes: list[Span] = [recorder.scope()]

    def push_frame(self) -> None:
        super().push_frame()
        self.scopes.append(self.recorder.scope())

    def pop_frame(self) -> None:
        for name in self.frames[-1]:
            stack = self.symbols[name]
            stack.pop()
            if not stack:
                del self.symbols[name]
        self.scopes.pop()
        super().pop_frame()

    def add(self, name: str, value: Any, allow_shadowing: bool = True) -> None:
        replacing = name in self.frames[-1]
        super().add(name, value, allow_shadowing)
        try:
            binding = self.recorder.bind(name, value, self.scopes[-1])
        except Exception:
            if debug_enabled():
                raise
            binding = None
        if replacing:
            self.symbols[name][-1] = binding
        else:
            self.symbols.setdefault(name, []).append(binding)

    def current(self, name: str) -> _Binding | None:
        stack = self.symbols.get(name)
        return stack[-1] if stack else None


class RecordingParser(Parser):
    """The parser, recording bindings and uses into a `_Recorder` (only for the index)."""

    def __init__(
        self, globals_: dict[str, Any], diagnostics: list[Diagnostic], recorder: _Recorder
    ) -> None:
        super().__init__(globals_, diagnostics)
        self.recorder = recorder
        self.var_table = RecordingVarTable(recorder)
        recorder.builder_frames = self._frames
        evaluator = self.evaluator
        dispatch = evaluator._dispatch
        name, attribute = dispatch[doc.Name], dispatch[doc.Attribute]

        def record_name(node: doc.Name) -> Any:
            value = name(node)
            self._use(node)
            return value

        def record_attribute(node: doc.Attribute) -> Any:
            value = attribute(node)
            base = node.value
            is_ref = type(base) is doc.Name and _is_module_ref(evaluator.lookup(base.id))
            if is_ref and (span := _attr_span(node)) is not None:
                recorder.module_uses.append((node.attr, span))
            return value

        dispatch[doc.Name] = record_name
        dispatch[doc.Attribute] = record_attribute

    def _frames(self) -> list[Any]:
        return self.builder.frames if self.builder is not None else []

    def _use(self, node: doc.Name) -> None:
        table = self.var_table
        if isinstance(table, RecordingVarTable) and node.id in table.symbols:
            if (binding := table.current(node.id)) is not None and binding.span != node.span:
                binding.refs.add(node.span)
        elif node.id not in table.name2value and node.id in self.globals:
            self.recorder.global_uses.append((node.id, node.span))

    def begin_function(self, node: doc.FunctionDef) -> None:
        self.recorder.function_def(node)

    def visit(self, stmt: doc.Stmt) -> None:
        recorder = self.recorder
        if type(stmt) is doc.With:
            recorder.block(stmt)
        recorder.stmts.append(stmt)
        try:
            super().visit(stmt)
        finally:
            recorder.stmts.pop()
            if type(stmt) is doc.Assign or type(stmt) is doc.AnnAssign:
                self._reassigned(stmt)

    def poison_targets(self, stmt: doc.Stmt) -> None:
        self.recorder.stmts.append(stmt)
        try:
            super().poison_targets(stmt)
        finally:
            self.recorder.stmts.pop()

    def _reassigned(self, stmt: doc.Assign | doc.AnnAssign) -> None:
        """Targets that were stored to, not bound (``x = x + 1`` again): references."""
        table = self.var_table
        if not isinstance(table, RecordingVarTable):
            return
        targets = stmt.targets if isinstance(stmt, doc.Assign) else (stmt.target,)
        for target in targets:
            for name in _names(target):
                span = name.span
                if span in self.recorder.by_span:
                    continue
                if (binding := table.current(name.id)) is not None:
                    binding.refs.add(span)


def _freeze(b: _Binding) -> SymbolInfo:
    refs = tuple(sorted(b.refs - {b.span}, key=lambda s: (s.line, s.column)))
    return SymbolInfo(
        b.name, b.kind, b.span, b.detail, refs, b.scope, b.parameter, b.node, b.inferred
    )


def _link(units: list[_UnitResult]) -> SymbolIndex:
    """All units' symbols, top-level functions given their uses from every unit."""
    symbols = [s for u in units for s in u.symbols]
    top = {name for u in units for name in u.top_functions}
    uses: dict[str, set[Span]] = {}
    for unit in units:
        for name, span in unit.global_uses:
            if name in top:
                uses.setdefault(name, set()).add(span)
    if uses:
        for i, s in enumerate(symbols):
            if s.kind == "function" and s.name in uses and s.scope.line == 1:
                extra = uses[s.name] - {s.span} - set(s.references)
                refs = tuple(sorted((*s.references, *extra), key=lambda x: (x.line, x.column)))
                symbols[i] = replace(s, references=refs)
    return SymbolIndex(symbols)


def _with_axes(symbols: list[SymbolInfo]) -> list[SymbolInfo]:
    """Blocks described with their axes (a block and its axes are in one top-level unit)."""
    axes: dict[Span, list[str]] = {}
    for s in symbols:
        if s.kind == "block_axis":
            axes.setdefault(s.scope, []).append(s.detail)
    if not axes:
        return symbols
    return [
        replace(s, detail="\n".join([s.detail, *("    " + a for a in axes[s.scope])]))
        if s.kind == "block" and s.scope in axes
        else s
        for s in symbols
    ]


# --- moving a definition's symbols -----------------------------------------------------------


def _shift(span: Span, by: int) -> Span:
    if span.line == 1 and span.end_line >= _WHOLE_FILE_END:
        return span  # the whole file
    return Span(span.file, span.line + by, span.column, span.end_line + by, span.end_column)


def _shift_symbol(s: SymbolInfo, by: int) -> SymbolInfo:
    return replace(
        s,
        span=_shift(s.span, by),
        references=tuple(_shift(r, by) for r in s.references),
        scope=_shift(s.scope, by),
        node=None if s.node is None else _shift(s.node, by),
    )


# --- helpers ---------------------------------------------------------------------------------


def _whole_file(file: str) -> Span:
    return Span(file, 1, 1, _WHOLE_FILE_END, 1)


def _is_module_ref(value: Any) -> bool:
    return type(value).__name__ == "ModuleRef"


def _is_buffer(value: Any) -> bool:
    from tvmscript.core.tir.buffer import Buffer

    return isinstance(value, Buffer)


def _is_var(value: Any) -> bool:
    from tvmscript.core.tir.expr import Var

    return isinstance(value, Var)


def _text(node: doc.Node | None) -> str:
    """The source text of ``node``."""
    if node is None:
        return ""
    line, col, end_line, end_col = node.pos
    lines = node.src.lines
    if end_line is None or end_col is None or not 1 <= line <= end_line <= len(lines):
        return ""
    if line == end_line:
        return lines[line - 1].encode()[col:end_col].decode(errors="replace")
    parts = [lines[line - 1].encode()[col:].decode(errors="replace")]
    parts.extend(lines[line : end_line - 1])
    parts.append(lines[end_line - 1].encode()[:end_col].decode(errors="replace"))
    return "\n".join(parts)


def _one_line(text: str) -> str:
    text = re.sub(r"\s*\n\s*", " ", text.strip())
    return re.sub(r" ([)\]])", r"\1", re.sub(r"([(\[]) ", r"\1", text))


def _dotted(node: doc.Expr) -> list[str]:
    parts: list[str] = []
    while isinstance(node, doc.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, doc.Name):
        parts.append(node.id)
    return parts[::-1]


def _call_name(call: doc.Call) -> str:
    chain = _dotted(call.func)
    return chain[-1] if chain else ""


def _names(target: doc.Expr) -> Iterator[doc.Name]:
    if isinstance(target, doc.Name):
        yield target
    elif isinstance(target, doc.Tuple | doc.List):
        for elt in target.elts:
            yield from _names(elt)


def _find_target(target: doc.Expr, name: str) -> doc.Name | None:
    for n in _names(target):
        if n.id == name:
            return n
    return None


def _assigned(stmt: doc.Stmt, name: str) -> tuple[doc.Name | None, doc.Expr | None]:
    """The target binding ``name`` in an assignment or ``with ... as``, and its value."""
    if isinstance(stmt, doc.Assign):
        for t in stmt.targets:
            if (target := _find_target(t, name)) is not None:
                return target, _matching_value(t, target, stmt.value)
    elif isinstance(stmt, doc.With):
        for item in stmt.items:
            found = _find_target(item.optional_vars, name) if item.optional_vars else None
            if found is not None:
                return found, item.context_expr
    return None, None


def _matching_value(target: doc.Expr, name: doc.Name, value: doc.Expr) -> doc.Expr:
    """The value expression of ``name`` in ``target = value`` (``a, b = f(), g()``)."""
    if not isinstance(target, doc.Tuple | doc.List) or not isinstance(value, doc.Tuple | doc.List):
        return value
    if len(target.elts) == len(value.elts):
        for elt, v in zip(target.elts, value.elts, strict=True):
            if elt is name:
                return v
    return value


def _token_span(node: doc.Node, name: str) -> Span:
    line, col, _, _ = node.pos
    return node.src.span(line, col, line, col + len(name.encode()))


def _def_name_span(node: doc.FunctionDef) -> Span | None:
    line, col, _, _ = node.pos
    text = node.src.lines[line - 1] if 1 <= line <= len(node.src.lines) else ""
    raw = text.encode()
    found = re.compile(rb"def\s+(" + re.escape(node.name.encode()) + rb")\b").search(raw, col)
    if found is None:
        return None
    return node.src.span(line, found.start(1), line, found.end(1))


def _string_span(node: doc.Constant) -> Span | None:
    """The text of a one-line string literal, without its quotes."""
    line, col, end_line, end_col = node.pos
    if end_line != line or end_col is None:
        return None
    raw = node.src.lines[line - 1].encode()[col:end_col]
    if len(raw) < 2 or raw[:1] not in (b'"', b"'") or raw[:3] in (b'"""', b"'''"):
        return None
    return node.src.span(line, col + 1, line, end_col - 1)


def _attr_span(node: doc.Attribute) -> Span | None:
    """The attribute name of ``base.attr`` (written on one line)."""
    _, _, end_line, end_col = node.pos
    if end_line is None or end_col is None:
        return None
    start = end_col - len(node.attr.encode())
    raw = node.src.lines[end_line - 1].encode() if end_line <= len(node.src.lines) else b""
    if raw[start:end_col].decode(errors="replace") != node.attr:
        return None
    return node.src.span(end_line, start, end_line, end_col)


def _shape_name(root: doc.Node, name: str) -> Span | None:
    """Where a shape in ``root`` introduces size name ``name`` (``"n"`` or ``n``)."""
    stack: list[doc.Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, doc.Tuple | doc.List):
            for elt in node.elts:
                if isinstance(elt, doc.Constant) and elt.value == name:
                    return _string_span(elt)
                if isinstance(elt, doc.Name) and elt.id == name:
                    return elt.span
        children = list(doc.children(node))
        stack.extend(reversed(children))
    return None


def _script(value: Any) -> str:
    if isinstance(value, int | float | str):
        return repr(value)
    kind = type(value).__name__
    if kind == "IntImm" and value.dtype == "int32":
        return str(value.value)
    if (kind == "Var" or kind == "SizeVar") and value.name:
        return str(value.name)
    try:
        return str(value.script())
    except Exception:
        return str(value)


def _bounds(low: Any, extent: Any) -> str:
    try:
        if getattr(low, "value", None) == 0:
            return f"0, {_script(extent)}"
        return f"{_script(low)}, {_script(low + extent)}"
    except Exception:
        return f"{_script(low)}, {_script(low)} + {_script(extent)}"


def _axis_dom(low: Any, extent: Any) -> str:
    if getattr(low, "value", None) == 0:
        return _script(extent)
    return f"({_bounds(low, extent)})"


def _dtype_ann(dtype: str) -> str:
    return f"T.{dtype}" if dtype.replace("_", "").isalnum() else f"T.handle  # {dtype}"


def _buffer_detail(name: str, value: Any, origin: str, annotation: str) -> str:
    if not _is_buffer(value):
        return f"{name}: {_one_line(annotation)}" if annotation else name
    shape = ", ".join(_script(e) for e in value.shape)
    if len(value.shape) == 1:
        shape += ","
    try:
        scope = value.scope
    except Exception:
        scope = "global"
    return f'{name}: T.Buffer(({shape}), "{value.dtype}")\n# scope: {scope} ({origin})'


def _scalar_detail(name: str, value: Any, annotation: str) -> str:
    dtype = getattr(value, "dtype", None)
    if _is_var(value) and isinstance(dtype, str):
        return f"{name}: {'T.handle' if dtype == 'handle' else _dtype_ann(dtype)}"
    if annotation:
        return f"{name}: {_one_line(annotation)}"
    return name


def _function_detail(node: doc.FunctionDef) -> str:
    decorators = [f"@{_one_line(_text(d))}" for d in node.decorator_list]
    params = ", ".join(
        f"{a.arg}: {_one_line(_text(a.annotation))}" if a.annotation is not None else a.arg
        for a in node.args.args
    )
    returns = f" -> {_one_line(_text(node.returns))}" if node.returns is not None else ""
    return "\n".join([*decorators, f"def {node.name}({params}){returns}"])
