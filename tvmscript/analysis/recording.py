"""The recording parser: the parser itself, noting each binding it makes and name it resolves.

`RecordingParser` is the parser with a `RecordingVarTable` (each binding is a symbol, located
at the name it binds, and the table remembers which symbol a name means) and the parser's
evaluation hooks (each name it resolves is a use of the binding it resolved to). A `Recorder`
collects what one top-level statement gave (`Recorder.take`: its `UnitSymbols`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from tvmscript.analysis.details import (
    assigned_target,
    attribute_span,
    axis_domain,
    bounds_text,
    buffer_detail,
    call_name,
    def_name_span,
    dotted_name,
    dtype_annotation,
    find_target,
    function_detail,
    is_buffer,
    is_module_ref,
    is_relax_var,
    is_var,
    one_line,
    relax_binding,
    relax_texts,
    scalar_detail,
    script_text,
    shape_name_span,
    source_text,
    string_span,
    target_names,
    token_span,
)
from tvmscript.analysis.symbols import SymbolInfo, UnitSymbols, shift_span, whole_file
from tvmscript.core.ir.span import Span
from tvmscript.diagnostics import Diagnostic, debug_enabled
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.core.source import Source
from tvmscript.script.parser.core.var_table import VarTable

_BLOCK_CALLS: Final = frozenset({"sblock", "block"})
_THREAD_CALLS: Final = frozenset({"launch_thread", "env_thread"})
_AXIS_KINDS: Final = {0: "spatial", 2: "reduce", 3: "scan", 4: "opaque"}


@dataclass(eq=False, slots=True)
class _Binding:
    """A symbol while it is recorded (its references still grow)."""

    name: str
    kind: str
    span: Span
    detail: str
    scope: Span
    parameter: bool = False
    node: Span | None = None
    refs: set[Span] = field(default_factory=set)
    inferred: str = ""
    frozen: SymbolInfo | None = None
    """Its symbol, when it is known already (a binding replayed, whose references are all
    known: only a module function's grow, by the ``cls.f`` uses of the other functions)."""

    def copy(self, by: int = 0, scope: Span | None = None) -> _Binding:
        """A copy, ``by`` lines further down (with ``scope``, if given)."""
        if by == 0:
            return _Binding(
                self.name,
                self.kind,
                self.span,
                self.detail,
                scope or self.scope,
                self.parameter,
                self.node,
                set(self.refs),
                self.inferred,
            )
        return _Binding(
            self.name,
            self.kind,
            shift_span(self.span, by),
            self.detail,
            scope or shift_span(self.scope, by),
            self.parameter,
            None if self.node is None else shift_span(self.node, by),
            {shift_span(r, by) for r in self.refs},
            self.inferred,
        )


@dataclass(frozen=True, slots=True)
class Recorded:
    """What the recorder noted during one step of a parse (`Recorder.since`), to replay."""

    bindings: tuple[_Binding, ...]
    functions: frozenset[int]
    """Which of ``bindings`` are the module's functions (``cls.f`` uses refer to them)."""
    module_uses: tuple[tuple[str, Span], ...]
    global_uses: tuple[tuple[str, Span], ...]
    symbols: list[SymbolInfo | None] = field(default_factory=list, compare=False)
    """The bindings' symbols (None for module functions), made on the first replay."""

    def shifted(self, by: int) -> Recorded:
        """The same records, ``by`` lines further down."""
        return Recorded(
            tuple(
                b.copy(by, b.scope if i in self.functions else None)
                for i, b in enumerate(self.bindings)
            ),
            self.functions,
            tuple((n, shift_span(sp, by)) for n, sp in self.module_uses),
            tuple((n, shift_span(sp, by)) for n, sp in self.global_uses),
        )

    def frozen(self) -> list[SymbolInfo | None]:
        """`symbols`, made now if not yet."""
        if not self.symbols and self.bindings:
            self.symbols.extend(
                None if i in self.functions else _freeze(b) for i, b in enumerate(self.bindings)
            )
        return self.symbols

    def spans(self) -> list[Span]:
        """Every location recorded (but the scopes of module functions: the class's)."""
        out = [sp for b in self.bindings for sp in (b.span, *b.refs)]
        out.extend(b.node for b in self.bindings if b.node is not None)
        out.extend(b.scope for i, b in enumerate(self.bindings) if i not in self.functions)
        out.extend(sp for _, sp in (*self.module_uses, *self.global_uses))
        return out


class Recorder:
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
        """Start recording the top-level statement ``stmt``."""
        first = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", [])])
        self.unit_span = source.span(first, 0, stmt.end_lineno, stmt.end_col_offset)
        self.function = None
        self.stmts.clear()
        self.in_class = isinstance(stmt, ast.ClassDef)
        self.functions = {}
        self.module_uses = []

    def end_unit(self) -> None:
        """End the statement: its ``cls.func`` uses are references of the module's functions."""
        for name, span in self.module_uses:
            if (target := self.functions.get(name)) is not None:
                target.refs.add(span)

    def take(self) -> UnitSymbols:
        """Everything recorded since the last `take`."""
        symbols = _with_axes([_freeze(b) for b in self.bindings])
        result = UnitSymbols(symbols, self.global_uses, self.top_functions)
        self.bindings, self.by_span = [], {}
        self.global_uses, self.top_functions = [], []
        return result

    # --- one step of a parse, replayed (`tvmscript.analysis.members`) ------------------------

    def mark(self) -> tuple[int, int, int]:
        """Where the records stand now (for `since`)."""
        return len(self.bindings), len(self.module_uses), len(self.global_uses)

    def since(self, mark: tuple[int, int, int]) -> Recorded:
        """What was recorded after ``mark`` (copies: later uses do not change them)."""
        bindings, module_uses, global_uses = mark
        made = self.bindings[bindings:]
        functions = frozenset(i for i, b in enumerate(made) if self.functions.get(b.name) is b)
        return Recorded(
            tuple(b.copy() for b in made),
            functions,
            tuple(self.module_uses[module_uses:]),
            tuple(self.global_uses[global_uses:]),
        )

    def replay(self, recorded: Recorded) -> None:
        """Record again what `since` gave (a module function's scope is the current class)."""
        symbols = recorded.frozen()
        for i, b in enumerate(recorded.bindings):
            function = i in recorded.functions
            binding = b.copy(0, self.unit_span if function else None)
            binding.frozen = symbols[i]
            self.bindings.append(binding)
            self.by_span[binding.span] = binding
            if function:
                self.functions[binding.name] = binding
        self.module_uses.extend(recorded.module_uses)
        self.global_uses.extend(recorded.global_uses)

    # --- scopes ----------------------------------------------------------------------------

    def scope(self) -> Span:
        if self.stmts:
            return self.stmts[-1].span
        if self.function is not None:
            return self.function.span
        return self.unit_span or whole_file("<string>")

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
        span = def_name_span(node)
        if span is None:
            return
        scope = self.unit_span if self.in_class and self.unit_span else whole_file(span.file)
        binding = self._new(
            _Binding(node.name, "function", span, function_detail(node), scope, node=node.span)
        )
        if self.in_class:
            self.functions[node.name] = binding
        else:
            self.top_functions.append(node.name)

    def block(self, stmt: doc.With) -> None:
        item = stmt.items[0] if stmt.items else None
        call = item.context_expr if item is not None else None
        if not isinstance(call, doc.Call) or call_name(call) not in _BLOCK_CALLS:
            return
        name = call.args[0] if call.args else None
        if not isinstance(name, doc.Constant) or not isinstance(name.value, str):
            return
        if not name.value or (span := string_span(name)) is None:
            return
        detail = f"with T.sblock({name.value!r}):".replace("'", '"')
        self._new(_Binding(name.value, "block", span, detail, stmt.span, node=stmt.span))

    def bind(self, name: str, value: Any, scope: Span) -> _Binding | None:
        """The symbol for the parser binding ``name`` to ``value`` now, if it is located."""
        if is_module_ref(value):
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
                span = token_span(arg, name)
                ann = source_text(arg.annotation) if arg.annotation is not None else ""
                if is_buffer(value) or (value is POISON and "Buffer" in ann):
                    kind, detail = "buffer", buffer_detail(name, value, "parameter", ann)
                elif is_relax_var(value):
                    kind, detail = "param", f"{name}: {self._relax_texts(value)[0]}"
                else:
                    kind, detail = "param", scalar_detail(name, value, ann)
                return self._new(_Binding(name, kind, span, detail, scope, True, arg.span))
        for arg in func.args.args:  # a size name a signature introduces: ("n", 4)
            if arg.annotation is not None and (found := shape_name_span(arg.annotation, name)):
                detail = scalar_detail(name, value, "") + "  # size variable"
                return self._new(_Binding(name, "scalar", found, detail, scope, node=arg.span))
        return None

    def _bind_in_stmt(self, stmt: doc.Stmt, name: str, value: Any, scope: Span) -> _Binding | None:
        node = stmt.span
        if isinstance(stmt, doc.For) and (target := find_target(stmt.target, name)):
            detail = self._loop_detail(stmt, name, value)
            return self._new(_Binding(name, "loop_var", target.span, detail, scope, node=node))
        if isinstance(stmt, doc.AnnAssign) and (target := find_target(stmt.target, name)):
            ann = source_text(stmt.annotation)
            if is_relax_var(value):
                detail = f"{name}: {self._relax_texts(value)[0]}"
                return self._new(_Binding(name, "relax_var", target.span, detail, scope, node=node))
            if is_buffer(value):
                detail = buffer_detail(name, value, "local", ann)
                return self._new(_Binding(name, "buffer", target.span, detail, scope, node=node))
            detail = f"{name}: {one_line(ann)}"
            return self._new(_Binding(name, "scalar", target.span, detail, scope, node=node))
        if isinstance(stmt, doc.FunctionDef) and stmt.name == name:  # a nested T.macro
            if (span := def_name_span(stmt)) is None:
                return None
            detail = function_detail(stmt)
            return self._new(_Binding(name, "function", span, detail, scope, node=node))
        target, value_node = assigned_target(stmt, name)
        if target is None and is_relax_var(value) and isinstance(stmt, doc.With | doc.If):
            return self._rebound(stmt, name, value, scope)
        if target is None:
            found = shape_name_span(stmt, name) if is_var(value) else None
            if found is None:
                return None
            detail = scalar_detail(name, value, "") + "  # size variable"
            return self._new(_Binding(name, "scalar", found, detail, scope, node=node))
        kind, detail, inferred = self._classify(stmt, name, value, value_node)
        binding = _Binding(name, kind, target.span, detail, scope, node=node, inferred=inferred)
        return self._new(binding)

    def _classify(
        self, stmt: doc.Stmt, name: str, value: Any, value_node: doc.Expr | None
    ) -> tuple[str, str, str]:
        """Kind, detail and what was inferred (`SymbolInfo.inferred`) of a bound value."""
        call = value_node if isinstance(value_node, doc.Call) else None
        chain = dotted_name(call.func) if call is not None else []
        statement = one_line(source_text(stmt)) if not isinstance(stmt, doc.With) else ""
        if is_relax_var(value):
            text, annotation = self._relax_texts(value)
            inferred = annotation if isinstance(stmt, doc.Assign) else ""
            return "relax_var", f"{name}: {text}", inferred
        if "axis" in chain[-2:]:
            return ("block_axis", *self._axis_detail(name, value, statement))
        if chain and chain[-1] in _THREAD_CALLS:
            return "loop_var", statement or f"{name} = {one_line(source_text(call))}", ""
        if is_buffer(value):
            origin = f"T.{chain[-1]}" if chain else "alias"
            return "buffer", buffer_detail(name, value, origin, ""), ""
        if value is POISON:
            if chain and ("buffer" in chain[-1] or chain[-1] == "alloc_local"):
                return "buffer", statement, ""
            return "scalar", statement, ""
        if type(value).__name__ == "LocalScalar":
            dtype = dtype_annotation(value.buffer.dtype)
            return "scalar", f"{name}: {dtype}  # local scalar", dtype
        if is_var(value):
            if isinstance(stmt, doc.With):
                text = f"{name} = {one_line(source_text(value_node))}" if value_node else name
                return "loop_var", text, ""
            return "scalar", scalar_detail(name, value, ""), ""
        if type(value).__name__ == "Macro":
            return "function", f"@T.macro\ndef {name}(...)", ""
        return "scalar", statement or name, ""

    # --- Relax ---------------------------------------------------------------------------

    def _relax_texts(self, var: Any) -> tuple[str, str]:
        """``var``'s struct info and the annotation TVM prints for its binding ("": none).

        The binding is the builder's last one, when it binds ``var`` (a parameter has none).
        """
        value, infos = relax_binding(self.builder_frames(), var)
        return relax_texts(var, value, infos)

    def _rebound(
        self, stmt: doc.With | doc.If, name: str, value: Any, scope: Span
    ) -> _Binding | None:
        """A name a dataflow block outputs, or the variable of an ``if``: the binding inside.

        ``R.output(gv)`` makes the block's ``gv`` visible after it; an ``if`` binds the name
        both branches bind last. Uses after the statement are uses of that binding (for an
        ``if``, of the ``if`` branch's, the ``else`` branch's assignment one of them), and it is
        described by the variable bound now (an ``if``'s struct info joins its branches').
        """
        inside = [
            b
            for b in self.bindings
            if b.name == name and stmt.span.contains(b.span.line, b.span.column)
        ]
        if not inside:
            return None
        if isinstance(stmt, doc.With):
            binding = inside[-1]
            binding.scope = scope
            return binding
        branches = [_last_target(stmt.body, name), _last_target(stmt.orelse, name)]
        found = [self.by_span[t.span] for t in branches if t is not None and t.span in self.by_span]
        if not found:
            return None
        binding, others = found[0], found[1:]
        for other in others:
            binding.refs |= {other.span, *other.refs}
            self.bindings.remove(other)
            self.by_span[other.span] = binding
        text = self._relax_texts(value)[0]
        binding.detail = f"{name}: {text}"
        binding.inferred = text  # TVM annotates each branch's assignment with the if's
        binding.scope = scope
        return binding

    # --- details ---------------------------------------------------------------------------

    def _loop_detail(self, stmt: doc.For, name: str, value: Any) -> str:
        iter_text = one_line(source_text(stmt.iter))
        if isinstance(stmt.target, doc.Name) and not iter_text.split("(")[0].endswith("grid"):
            return f"for {name} in {iter_text}"
        for frame in reversed(self.builder_frames()):
            loop_vars = getattr(frame, "vars", None)
            doms = getattr(frame, "doms", None)
            if not isinstance(loop_vars, list) or not isinstance(doms, list):
                continue
            for var, dom in zip(loop_vars, doms, strict=False):
                if var is value:
                    bounds = bounds_text(dom.min, dom.extent)
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
                    dom = axis_domain(iv.dom.min, iv.dom.extent)
                    binding = script_text(values[k]) if k < len(values) else "?"
                    return f"{name} = T.axis.{kind}({dom}, {binding})", f"{kind}({dom})"
            break
        return statement or name, ""


class RecordingVarTable(VarTable):
    """A `VarTable` that makes each binding a symbol and remembers which one a name means."""

    def __init__(self, recorder: Recorder) -> None:
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
    """The parser, recording bindings and uses into a `Recorder` (only for the index)."""

    def __init__(
        self, globals_: dict[str, Any], diagnostics: list[Diagnostic], recorder: Recorder
    ) -> None:
        super().__init__(globals_, diagnostics)
        self.recorder = recorder
        self.var_table = RecordingVarTable(recorder)
        recorder.builder_frames = self._frames

    def _frames(self) -> list[Any]:
        return self.builder.frames if self.builder is not None else []

    def name_resolved(self, node: doc.Name, value: Any) -> None:
        """A use of the binding ``node`` means (a local, else a top-level name)."""
        table = self.var_table
        if isinstance(table, RecordingVarTable) and node.id in table.symbols:
            if (binding := table.current(node.id)) is not None and binding.span != node.span:
                binding.refs.add(node.span)
        elif node.id not in table.name2value and node.id in self.globals:
            self.recorder.global_uses.append((node.id, node.span))

    def attribute_resolved(self, node: doc.Attribute, value: Any) -> None:
        """``cls.func`` in a module: a use of the module's function ``func``."""
        base = node.value
        is_ref = type(base) is doc.Name and is_module_ref(self.evaluator.lookup(base.id))
        if is_ref and (span := attribute_span(node)) is not None:
            self.recorder.module_uses.append((node.attr, span))

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
            for name in target_names(target):
                span = name.span
                if span in self.recorder.by_span:
                    continue
                if (binding := table.current(name.id)) is not None:
                    binding.refs.add(span)


def _last_target(body: Sequence[doc.Stmt], name: str) -> doc.Name | None:
    """The name bound by the last statement of a branch, if it is ``name``."""
    last = body[-1] if body else None
    if isinstance(last, doc.Assign) and len(last.targets) == 1:
        target = last.targets[0]
    elif isinstance(last, doc.AnnAssign):
        target = last.target
    else:
        return None
    return target if isinstance(target, doc.Name) and target.id == name else None


def _freeze(b: _Binding) -> SymbolInfo:
    if b.frozen is not None:
        return b.frozen
    refs = tuple(sorted(b.refs - {b.span}, key=lambda s: (s.line, s.column)))
    return SymbolInfo(
        b.name, b.kind, b.span, b.detail, refs, b.scope, b.parameter, b.node, b.inferred
    )


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
