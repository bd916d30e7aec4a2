"""Folding ranges: definitions, function and loop/``with`` bodies, comment runs, long calls.

From Python's own parse of the file (``ast``, nothing run); a file with a syntax error folds
by indentation instead. Lines are 0-based; a range folds ``start`` to ``end`` (inclusive).
"""

from __future__ import annotations

import ast
import io
import tokenize
import warnings
from dataclasses import dataclass
from typing import Final

_BLOCKS: Final = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.For,
    ast.While,
    ast.With,
    ast.If,
)
_MULTILINE: Final = (ast.Call, ast.Dict, ast.List, ast.Tuple, ast.Set, ast.Import, ast.ImportFrom)


@dataclass(frozen=True, slots=True, order=True)
class Fold:
    """Lines ``start``..``end`` (0-based, inclusive); ``kind`` is "region", "comment", "imports"."""

    start: int
    end: int
    kind: str = "region"


def folding_ranges(text: str) -> list[Fold]:
    """Every fold of ``text``, sorted, one per start line (the outermost)."""
    folds = _syntax_folds(text)
    folds.extend(_comment_folds(text))
    best: dict[int, Fold] = {}
    for fold in folds:
        if fold.end > fold.start and (fold.start not in best or fold.end > best[fold.start].end):
            best[fold.start] = fold
    return sorted(best.values())


def _syntax_folds(text: str) -> list[Fold]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return _indent_folds(text)
    folds: list[Fold] = []
    imports: list[ast.stmt] = []
    for node in ast.walk(tree):
        end = getattr(node, "end_lineno", None)
        if end is None:
            continue
        if isinstance(node, _BLOCKS + _MULTILINE):
            start = node.lineno
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.decorator_list:
                start = min(d.lineno for d in node.decorator_list)
            folds.append(Fold(start - 1, end - 1))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            folds.extend(_signature(node))
        if isinstance(node, ast.If) and node.orelse and not _is_elif(node):
            first = node.orelse[0].lineno - 1  # the `else:` line is just above
            folds.append(Fold(first - 1, end - 1))
    for stmt in tree.body:
        if isinstance(stmt, ast.Import | ast.ImportFrom):
            imports.append(stmt)
        elif imports:
            folds.append(_imports(imports))
            imports = []
    if imports:
        folds.append(_imports(imports))
    return folds


def _signature(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[Fold]:
    """A signature written over several lines."""
    parts: list[ast.AST] = [*node.args.args, *node.args.kwonlyargs]
    if node.returns is not None:
        parts.append(node.returns)
    end = max((getattr(p, "end_lineno", 0) or 0 for p in parts), default=0)
    return [Fold(node.lineno - 1, end - 1)] if end > node.lineno else []


def _is_elif(node: ast.If) -> bool:
    return len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If)


def _imports(stmts: list[ast.stmt]) -> Fold:
    return Fold(stmts[0].lineno - 1, (stmts[-1].end_lineno or stmts[-1].lineno) - 1, "imports")


def _indent_folds(text: str) -> list[Fold]:
    lines = text.split("\n")
    folds: list[Fold] = []
    for i, line in enumerate(lines):
        if not line.rstrip().endswith(":") or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        last = i
        for j in range(i + 1, len(lines)):
            body = lines[j]
            if not body.strip():
                continue
            if len(body) - len(body.lstrip()) <= indent:
                break
            last = j
        folds.append(Fold(i, last))
    return folds


def _comment_folds(text: str) -> list[Fold]:
    """Runs of two or more comment-only lines (real comments: not inside strings)."""
    lines: list[int] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT and token.line.strip().startswith("#"):
                lines.append(token.start[0] - 1)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass
    folds: list[Fold] = []
    start = prev = -2
    for line in lines:
        if line != prev + 1:
            if prev > start >= 0:
                folds.append(Fold(start, prev, "comment"))
            start = line
        prev = line
    if prev > start >= 0:
        folds.append(Fold(start, prev, "comment"))
    return folds
