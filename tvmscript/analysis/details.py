"""Reading the Doc AST for the symbol index: where a name is written and how it is described.

Spans here are of the name's own text (a parameter's name, a block's name string without its
quotes); details are the one- or few-line Python shown for a symbol (``for i in T.serial(0,
128)``, ``A: T.Buffer((128,), "float32")`` with its scope).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from tvmscript.core.ir.span import Span
from tvmscript.script.parser.core import doc


def is_module_ref(value: Any) -> bool:
    """Whether ``value`` names a module inside it (``cls``, the class name): ``cls.func``."""
    return type(value).__name__ == "ModuleRef"


def is_buffer(value: Any) -> bool:
    """Whether ``value`` is a TIR buffer."""
    from tvmscript.core.tir.buffer import Buffer

    return isinstance(value, Buffer)


def is_var(value: Any) -> bool:
    """Whether ``value`` is a TIR variable."""
    from tvmscript.core.tir.expr import Var

    return isinstance(value, Var)


def source_text(node: doc.Node | None) -> str:
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


def one_line(text: str) -> str:
    """``text`` on one line, without the spaces a line break left inside brackets."""
    text = re.sub(r"\s*\n\s*", " ", text.strip())
    return re.sub(r" ([)\]])", r"\1", re.sub(r"([(\[]) ", r"\1", text))


def dotted_name(node: doc.Expr) -> list[str]:
    """``T.axis.spatial`` as ``["T", "axis", "spatial"]`` (empty when not a dotted name)."""
    parts: list[str] = []
    while isinstance(node, doc.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, doc.Name):
        parts.append(node.id)
    return parts[::-1]


def call_name(call: doc.Call) -> str:
    """The last part of the called name (``sblock`` for ``T.sblock(...)``)."""
    chain = dotted_name(call.func)
    return chain[-1] if chain else ""


def target_names(target: doc.Expr) -> Iterator[doc.Name]:
    """The names an assignment target binds (nested tuples and lists too)."""
    if isinstance(target, doc.Name):
        yield target
    elif isinstance(target, doc.Tuple | doc.List):
        for elt in target.elts:
            yield from target_names(elt)


def find_target(target: doc.Expr, name: str) -> doc.Name | None:
    """The occurrence of ``name`` in an assignment target."""
    for n in target_names(target):
        if n.id == name:
            return n
    return None


def assigned_target(stmt: doc.Stmt, name: str) -> tuple[doc.Name | None, doc.Expr | None]:
    """The target binding ``name`` in an assignment or ``with ... as``, and its value."""
    if isinstance(stmt, doc.Assign):
        for t in stmt.targets:
            if (target := find_target(t, name)) is not None:
                return target, _matching_value(t, target, stmt.value)
    elif isinstance(stmt, doc.With):
        for item in stmt.items:
            found = find_target(item.optional_vars, name) if item.optional_vars else None
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


def token_span(node: doc.Node, name: str) -> Span:
    """``name`` written at the start of ``node`` (a parameter)."""
    line, col, _, _ = node.pos
    return node.src.span(line, col, line, col + len(name.encode()))


def def_name_span(node: doc.FunctionDef) -> Span | None:
    """The name of a ``def`` after its keyword."""
    line, col, _, _ = node.pos
    text = node.src.lines[line - 1] if 1 <= line <= len(node.src.lines) else ""
    raw = text.encode()
    found = re.compile(rb"def\s+(" + re.escape(node.name.encode()) + rb")\b").search(raw, col)
    if found is None:
        return None
    return node.src.span(line, found.start(1), line, found.end(1))


def string_span(node: doc.Constant) -> Span | None:
    """The text of a one-line string literal, without its quotes."""
    line, col, end_line, end_col = node.pos
    if end_line != line or end_col is None:
        return None
    raw = node.src.lines[line - 1].encode()[col:end_col]
    if len(raw) < 2 or raw[:1] not in (b'"', b"'") or raw[:3] in (b'"""', b"'''"):
        return None
    return node.src.span(line, col + 1, line, end_col - 1)


def attribute_span(node: doc.Attribute) -> Span | None:
    """The attribute name of ``base.attr`` (written on one line)."""
    _, _, end_line, end_col = node.pos
    if end_line is None or end_col is None:
        return None
    start = end_col - len(node.attr.encode())
    raw = node.src.lines[end_line - 1].encode() if end_line <= len(node.src.lines) else b""
    if raw[start:end_col].decode(errors="replace") != node.attr:
        return None
    return node.src.span(end_line, start, end_line, end_col)


def shape_name_span(root: doc.Node, name: str) -> Span | None:
    """Where a shape in ``root`` introduces size name ``name`` (``"n"`` or ``n``)."""
    stack: list[doc.Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, doc.Tuple | doc.List):
            for elt in node.elts:
                if isinstance(elt, doc.Constant) and elt.value == name:
                    return string_span(elt)
                if isinstance(elt, doc.Name) and elt.id == name:
                    return elt.span
        children = list(doc.children(node))
        stack.extend(reversed(children))
    return None


def script_text(value: Any) -> str:
    """A parsed value as the text shown for it (``128``, ``n``, printed IR)."""
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


def bounds_text(low: Any, extent: Any) -> str:
    """``low, low + extent`` of a range, computed when it can be."""
    try:
        if getattr(low, "value", None) == 0:
            return f"0, {script_text(extent)}"
        return f"{script_text(low)}, {script_text(low + extent)}"
    except Exception:
        return f"{script_text(low)}, {script_text(low)} + {script_text(extent)}"


def axis_domain(low: Any, extent: Any) -> str:
    """A block axis domain: its extent, or ``(low, high)``."""
    if getattr(low, "value", None) == 0:
        return script_text(extent)
    return f"({bounds_text(low, extent)})"


def dtype_annotation(dtype: str) -> str:
    """The annotation of a scalar of ``dtype`` (``T.float32``)."""
    return f"T.{dtype}" if dtype.replace("_", "").isalnum() else f"T.handle  # {dtype}"


def buffer_detail(name: str, value: Any, origin: str, annotation: str) -> str:
    """A buffer's declaration and scope; ``origin`` says what made it."""
    if not is_buffer(value):
        return f"{name}: {one_line(annotation)}" if annotation else name
    shape = ", ".join(script_text(e) for e in value.shape)
    if len(value.shape) == 1:
        shape += ","
    try:
        scope = value.scope
    except Exception:
        scope = "global"
    return f'{name}: T.Buffer(({shape}), "{value.dtype}")\n# scope: {scope} ({origin})'


def scalar_detail(name: str, value: Any, annotation: str) -> str:
    """A scalar's name and annotation (the parsed dtype when it has one)."""
    dtype = getattr(value, "dtype", None)
    if is_var(value) and isinstance(dtype, str):
        return f"{name}: {'T.handle' if dtype == 'handle' else dtype_annotation(dtype)}"
    if annotation:
        return f"{name}: {one_line(annotation)}"
    return name


def function_detail(node: doc.FunctionDef) -> str:
    """A function's decorators and signature, as written (each on one line)."""
    decorators = [f"@{one_line(source_text(d))}" for d in node.decorator_list]
    params = ", ".join(
        f"{a.arg}: {one_line(source_text(a.annotation))}" if a.annotation is not None else a.arg
        for a in node.args.args
    )
    returns = f" -> {one_line(source_text(node.returns))}" if node.returns is not None else ""
    return "\n".join([*decorators, f"def {node.name}({params}){returns}"])


def is_relax_var(value: Any) -> bool:
    """Whether ``value`` is a Relax variable (a binding's or a parameter's)."""
    from tvmscript.core.relax.expr import Var

    return isinstance(value, Var)


def relax_binding(frames: list[Any], var: Any) -> tuple[Any, dict[str, Any]]:
    """The value the builder just bound to ``var`` (None if not found), and the global infos.

    ``frames`` are the builder's, innermost last: the binding is the last of the innermost
    Relax frame; the global infos are the enclosing module's (a ``vdevice`` prints as its
    index among them).
    """
    value = None
    innermost = frames[-1] if frames else None
    bindings = getattr(innermost, "bindings", None)  # a dataflow block's
    last = getattr(innermost, "last_binding", None)  # a function body's, a branch's
    binding = bindings[-1] if isinstance(bindings, list) and bindings else None
    if binding is None and callable(last):
        binding = last()
    if binding is not None and binding.var is var:
        value = binding.value
    infos: dict[str, Any] = next(
        (
            f.global_infos
            for f in reversed(frames)
            if isinstance(getattr(f, "global_infos", None), dict)
        ),
        {},
    )
    return value, infos


def relax_texts(var: Any, value: Any, global_infos: dict[str, Any]) -> tuple[str, str]:
    """A Relax variable's struct info, and the annotation TVM prints for ``var = value``.

    The annotation is "" when TVM prints none (an ``R.call_tir`` whose declared output it
    is) or when ``value`` is not known.
    """
    from tvmscript.script.printer import annotation_text, struct_info_text

    annotation = annotation_text(var, value, global_infos) if value is not None else None
    if annotation is not None:
        return annotation, annotation
    if var.struct_info is None:
        return "R.Any", ""
    return struct_info_text(var.struct_info, global_infos), ""
