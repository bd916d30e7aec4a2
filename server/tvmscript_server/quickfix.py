"""Quick fixes, as pure functions of a document's text: each is offered only once verified.

- a "did you mean 'x'?" diagnostic: the misspelt name replaced by the suggestion, when the
  definition no longer reports that diagnostic afterwards;
- a ``x: T.handle`` parameter with its ``X = T.match_buffer(x, shape, dtype, ...)`` becomes an
  ``X: T.Buffer(shape, dtype, ...)`` parameter (the ``match_buffer`` line deleted), when the
  rewritten definition parses to a structurally equal IR (or one printing the same text);
- a ``missing-s-tir`` warning (``T.sblock`` in a prim_func TVM 0.27 rejects): the decorator
  declares ``s_tir=True``, when the warning is gone afterwards;
- ``missing-cls-binding`` (``cls.f`` in a Relax function without ``cls = Module``): the
  binding inserted as the function's first statement, when the error is gone afterwards.

Positions are 0-based lines and code-point columns (the server's units).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any, Final

import tvmscript
from tvmscript.diagnostics import Diagnostic
from tvmscript.script.outline import Outline, TopLevel, outline

_SUGGESTION: Final = re.compile(r"did you mean '([^']+)'\?")
_QUOTED: Final = re.compile(r"'([^']+)'")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``(line, column)`` to ``(end_line, end_column)`` by ``text``."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A verified fix: its title and edits (non-overlapping, in one document)."""

    title: str
    edits: tuple[Edit, ...]


def apply_edits(text: str, edits: tuple[Edit, ...]) -> str:
    """``text`` with ``edits`` applied."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    out = text
    for edit in sorted(edits, key=lambda e: (e.line, e.column), reverse=True):
        start = offsets[edit.line] + edit.column
        end = offsets[edit.end_line] + edit.end_column
        out = out[:start] + edit.text + out[end:]
    return out


# ---- "did you mean 'x'?" ----------------------------------------------------------------------


def suggestion_fix(
    text: str, message: str, line: int, column: int, end_line: int, end_column: int
) -> Fix | None:
    """The fix of a diagnostic ``message`` at that range, or None when there is none to verify.

    The diagnostic's range may cover more than the misspelt name (``T.flaot32``): the name
    quoted in the message that ends the range is what is replaced.
    """
    found = _SUGGESTION.search(message)
    if found is None or line != end_line:
        return None
    suggestion = found.group(1)
    lines = text.split("\n")
    if line >= len(lines) or end_column > len(lines[line]):
        return None
    covered = lines[line][column:end_column]
    wrong = next(
        (q for q in _QUOTED.findall(message[: found.start()]) if covered.endswith(q)), None
    )
    if wrong is None:
        if not covered.isidentifier():
            return None
        wrong = covered
    edit = Edit(line, end_column - len(wrong), line, end_column, suggestion)
    before = _definition_diagnostics(text, line)
    after = _definition_diagnostics(apply_edits(text, (edit,)), line)
    if before is None or after is None or len(after) >= len(before):
        return None
    start, stop = column, edit.column + len(suggestion)
    if any(d[0] == line and d[1] < stop and d[2] > start for d in after):
        return None  # the fixed text is still wrong there
    return Fix(f"Replace '{wrong}' with '{suggestion}'", (edit,))


def _definition_diagnostics(text: str, line: int) -> list[tuple[int, int, int]] | None:
    """The diagnostics (0-based line, start and end column) of the definition at ``line``."""
    checked = _definition_check(text, line)
    if checked is None:
        return None
    found, shift = checked
    return [(d.line + shift, d.column - 1, d.end_column - 1) for d in found]


def _definition_check(text: str, line: int) -> tuple[list[Diagnostic], int] | None:
    """The check of the definition at ``line`` (with the imports and constants before it).

    Returns the diagnostics and the shift from their 1-based lines to the document's 0-based
    lines, or None when no definition covers ``line``.
    """
    doc = outline(text)
    definition = doc.definition_at(line)
    if definition is None:
        return None
    prelude = doc.prelude_before(definition.start)
    shift = definition.start - prelude.count("\n") - 1
    return tvmscript.check_source(prelude + definition.text(doc.lines)), shift


# ---- T.handle + T.match_buffer -> T.Buffer parameter -------------------------------------------


def match_buffer_fix(text: str, line: int) -> Fix | None:
    """The fix turning the handle parameter or ``match_buffer`` on ``line`` into a Buffer one."""
    doc = outline(text)
    definition = doc.definition_at(line)
    if definition is None:
        return None
    original = definition.text(doc.lines)
    try:
        tree = ast.parse(original)
    except SyntaxError:
        return None
    local = line - definition.start + 1  # 1-based line in the definition's text
    for func in _functions(tree):
        for param, stmt in _matched_params(func):
            if local in (param.lineno, param.end_lineno) or (
                stmt.lineno <= local <= (stmt.end_lineno or stmt.lineno)
            ):
                return _rewrite(doc, definition, original, func, param, stmt)
    return None


def _functions(tree: ast.Module) -> list[ast.FunctionDef]:
    out: list[ast.FunctionDef] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            out.append(node)
        elif isinstance(node, ast.ClassDef):
            out.extend(m for m in node.body if isinstance(m, ast.FunctionDef))
    return out


def _matched_params(func: ast.FunctionDef) -> list[tuple[ast.arg, ast.Assign]]:
    """The ``x: T.handle`` parameters matched by a ``match_buffer`` of the function's body."""
    handles = {
        arg.arg: arg
        for arg in func.args.args
        if isinstance(arg.annotation, ast.Attribute) and arg.annotation.attr == "handle"
    }
    out: list[tuple[ast.arg, ast.Assign]] = []
    for stmt in func.body:
        if not (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Call)
            and isinstance(stmt.value.func, ast.Attribute)
            and stmt.value.func.attr == "match_buffer"
            and stmt.value.args
            and isinstance(stmt.value.args[0], ast.Name)
            and stmt.value.args[0].id in handles
        ):
            continue
        out.append((handles[stmt.value.args[0].id], stmt))
    return out


def _rewrite(
    doc: Outline,
    definition: TopLevel,
    original: str,
    func: ast.FunctionDef,
    param: ast.arg,
    stmt: ast.Assign,
) -> Fix | None:
    handle = param.arg
    target, call = stmt.targets[0], stmt.value
    if not isinstance(target, ast.Name) or not isinstance(call, ast.Call):
        return None
    buffer = target.id
    # The handle must not be used anywhere else (it is gone afterwards), and the buffer's name
    # must not be another parameter's.
    uses = [
        n
        for n in ast.walk(func)
        if isinstance(n, ast.Name) and n.id == handle and n is not call.args[0]
    ]
    if uses or any(a.arg == buffer and a is not param for a in func.args.args):
        return None
    if any(isinstance(n, ast.arg) and n.arg == handle and n is not param for n in ast.walk(func)):
        return None
    lines = original.split("\n")
    segment = ast.get_source_segment
    args = [segment(original, a) for a in call.args[1:]]
    args += [f"{k.arg}={segment(original, k.value)}" for k in call.keywords if k.arg is not None]
    if len(args) != len(call.args) - 1 + len(call.keywords) or any(a is None for a in args):
        return None  # `**kwargs` or text ast cannot give back
    prefix = segment(original, call.func)
    if prefix is None or not prefix.endswith("match_buffer"):
        return None
    dialect = prefix.removesuffix("match_buffer")
    annotation = f"{buffer}: {dialect}Buffer({', '.join(str(a) for a in args)})"
    # Edit 1: the parameter (name and annotation); edit 2: the statement's whole lines.
    p_line, p_col = param.lineno - 1, _column(lines, param.lineno, param.col_offset)
    p_end_line = (param.end_lineno or param.lineno) - 1
    p_end_col = _column(lines, p_end_line + 1, param.end_col_offset or 0)
    s_first, s_last = stmt.lineno - 1, (stmt.end_lineno or stmt.lineno) - 1
    if lines[s_first][: stmt.col_offset].strip() or _has_comment_or_more(lines, stmt, s_last):
        return None
    local = (
        Edit(p_line, p_col, p_end_line, p_end_col, annotation),
        Edit(s_first, 0, s_last + 1, 0, ""),
    )
    rewritten = apply_edits(original, local)
    prelude = doc.prelude_before(definition.start)
    if not _equivalent(prelude + original, prelude + rewritten):
        return None
    base = definition.start
    edits = tuple(
        Edit(e.line + base, e.column, e.end_line + base, e.end_column, e.text) for e in local
    )
    return Fix(f"Make '{handle}' a '{buffer}: T.Buffer' parameter (drop the match_buffer)", edits)


def _column(lines: list[str], lineno: int, byte_offset: int) -> int:
    """A code-point column from ast's UTF-8 byte offset."""
    return len(lines[lineno - 1].encode("utf-8")[:byte_offset].decode("utf-8", "replace"))


def _has_comment_or_more(lines: list[str], stmt: ast.Assign, last: int) -> bool:
    """Whether the statement's lines hold a comment or other code (then not deleted)."""
    end = _column(lines, last + 1, stmt.end_col_offset or 0)
    rest = lines[last][end:].strip()
    return bool(rest) or any("#" in lines[i] for i in range(stmt.lineno - 1, last + 1))


def _equivalent(before: str, after: str) -> bool:
    """Whether both texts parse, to structurally equal IR."""
    from tvmscript.core.ir.module import IRModule
    from tvmscript.core.ir.structural import structural_equal

    try:
        old: Any = tvmscript.from_source(before)
        new: Any = tvmscript.from_source(after)
    except tvmscript.DiagnosticError:
        return False
    if isinstance(old, IRModule) != isinstance(new, IRModule):
        return False
    return bool(structural_equal(old, new))


# ---- @T.prim_func -> @T.prim_func(s_tir=True) ----------------------------------------------


def s_tir_fix(text: str, line: int, column: int, end_line: int, end_column: int) -> Fix | None:
    """The fix of a ``missing-s-tir`` warning on the decorator at that range."""
    lines = text.split("\n")
    if line != end_line or line >= len(lines) or end_column > len(lines[line]):
        return None
    decorator = lines[line][column:end_column]
    try:
        node = ast.parse(decorator.strip(), mode="eval").body
    except SyntaxError:
        return None
    if isinstance(node, ast.Call):
        if any(k.arg == "s_tir" for k in node.keywords):
            return None
        close = column + len(decorator.rstrip()) - 1
        if lines[line][close] != ")":
            return None
        separator = ", " if node.args or node.keywords else ""
        edit = Edit(line, close, line, close, f"{separator}s_tir=True")
    elif isinstance(node, ast.Attribute | ast.Name):
        end = column + len(decorator.rstrip())
        edit = Edit(line, end, line, end, "(s_tir=True)")
    else:
        return None
    checked = _definition_check(apply_edits(text, (edit,)), line)
    if checked is None or any(
        d.code == "missing-s-tir" or d.severity == "error" for d in checked[0]
    ):
        return None
    return Fix("Declare the prim_func with s_tir=True (TVM 0.27)", (edit,))


# ---- cls = Module ---------------------------------------------------------------------------

_CLS_BINDING: Final = re.compile(r"write '(cls = \w+)'")


def cls_binding_fix(text: str, message: str, line: int) -> Fix | None:
    """The fix of a ``missing-cls-binding`` error on ``line``: ``cls = Module`` inserted."""
    found = _CLS_BINDING.search(message)
    doc = outline(text)
    definition = doc.definition_at(line)
    if found is None or definition is None:
        return None
    original = definition.text(doc.lines)
    try:
        tree = ast.parse(original)
    except SyntaxError:
        return None
    local = line - definition.start + 1
    functions = [f for f in _functions(tree) if f.lineno <= local <= (f.end_lineno or f.lineno)]
    if not functions or not functions[0].body:
        return None
    first = functions[0].body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):  # a docstring
        if len(functions[0].body) < 2:
            return None
        first = functions[0].body[1]
    lines = original.split("\n")
    indent = lines[first.lineno - 1][: first.col_offset]
    if indent.strip():
        return None  # `def f(): x = 1` on one line
    at = definition.start + first.lineno - 1
    edit = Edit(at, 0, at, 0, f"{indent}{found.group(1)}\n")
    checked = _definition_check(apply_edits(text, (edit,)), line)
    if checked is None or any(d.code == "missing-cls-binding" for d in checked[0]):
        return None
    return Fix(f"Insert '{found.group(1)}'", (edit,))
