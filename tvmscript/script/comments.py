"""Source comments of a TVMScript definition, kept for the printer (formatting keeps them).

The IR has no place for comments, so they live beside it: `extract_comments` reads them with
`tokenize` and the printer (``print_script(obj, comments=table)``) hands them out to the
statements it prints, by the statements' spans:

- a statement takes every comment not yet taken that lies above its first line (leading
  comments, printed as ``# ...`` lines above it; comments on source lines that are no IR
  statement, such as ``T.reads``, move down to the next statement);
- a statement also takes the comments on its own lines (only its first line for a compound
  statement, whose body takes the rest): the first is printed after it on the same line when
  the statement is a simple one, the others above it;
- what is left in a function after its last statement is printed at the end of its body.

Only comments inside the definition (from its first decorator to its last line) are kept:
the rest of the file is not the printer's to write. ``# with T.sblock("root"):`` is dropped:
the printer writes it itself.
Printing is idempotent: parse → print → parse → print gives the same text again.
"""

from __future__ import annotations

import ast
import bisect
import io
import tokenize
from dataclasses import dataclass, field
from typing import Final

_PRINTER_COMMENTS: Final = frozenset({'with T.sblock("root"):'})


@dataclass(frozen=True, slots=True)
class Comment:
    """One ``# text`` comment (``text`` without the ``#`` and surrounding blanks)."""

    line: int
    """1-based line of the comment in the source text."""
    text: str
    own_line: bool
    """Whether nothing but blanks precede it on its line."""
    column: int = 0
    """0-based column of its ``#``."""


@dataclass(slots=True)
class CommentTable:
    """The comments of one definition, handed out once each while printing."""

    comments: list[Comment]
    """In source order."""
    functions: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Lines of each function of the definition, by name, in source order (from its first
    decorator to the line before the next function's; the last one reaches the end)."""
    bodies: dict[str, int] = field(default_factory=dict)
    """The last line of each function's last statement."""
    columns: dict[str, int] = field(default_factory=dict)
    """The column of each function's first decorator."""
    _floor: int = 0
    _taken: list[bool] = field(default_factory=list)
    _lines: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._taken = [False] * len(self.comments)
        self._lines = [c.line for c in self.comments]

    def reset(self) -> None:
        """Hand every comment out again (for another print)."""
        self._taken = [False] * len(self.comments)
        self._floor = 0

    def take_range(self, first: int, last: int) -> list[Comment]:
        """The comments not yet taken on lines ``first..last``; they are taken now."""
        out: list[Comment] = []
        start = bisect.bisect_left(self._lines, first)
        stop = bisect.bisect_right(self._lines, last)
        for i in range(start, stop):
            if not self._taken[i]:
                self._taken[i] = True
                out.append(self.comments[i])
        return out

    def take_before(self, line: int) -> list[Comment]:
        """The comments not yet taken above ``line`` (in the current function); taken now."""
        return self.take_range(self._floor, line - 1)

    def enter_function(self, name: str) -> None:
        """Statements printed from now on take no comment above function ``name``'s lines.

        A module's functions are printed sorted by name, not in source order.
        """
        first, _ = self.functions.get(name, (0, 0))
        self._floor = first if len(self.functions) > 1 else 0

    def take_leading(self) -> dict[str, list[Comment]]:
        """The comments above each function of a module, taken now (printed above it).

        Those between the definition's first line and the first function, and those after a
        function's body not indented deeper than the next function's decorator.
        """
        leading: dict[str, list[Comment]] = {}
        if len(self.functions) <= 1:
            return leading
        gap_start = 0
        for name, (first, last) in self.functions.items():
            column = self.columns.get(name, 0)
            out: list[Comment] = []
            start = bisect.bisect_left(self._lines, gap_start)
            stop = bisect.bisect_left(self._lines, first)
            for i in range(start, stop):
                c = self.comments[i]
                shallow = c.own_line and c.column <= column
                if not self._taken[i] and (gap_start == 0 or shallow):
                    self._taken[i] = True
                    out.append(c)
            leading[name] = out
            gap_start = self.bodies.get(name, last) + 1
        return leading

    def take_function_rest(self, name: str) -> list[Comment]:
        """The comments left in function ``name`` (all that are left when it is unknown)."""
        first, last = self.functions.get(name, (0, 1 << 30))
        if len(self.functions) == 1:
            first, last = 0, 1 << 30
        return self.take_range(first, last)

    def texts(self) -> list[str]:
        """The text of every comment (to compare what printing kept)."""
        return [c.text for c in self.comments]


def extract_comments(text: str) -> CommentTable:
    """The comments of the TVMScript definition in ``text`` (a whole Python file)."""
    first, last, functions, bodies, columns = _definition_lines(text)
    tokens = _tokens(text)
    last = _extend_over_indented_comments(tokens, last)
    if functions:  # the last function reaches as far
        name = list(functions)[-1]
        functions[name] = (functions[name][0], last)
    comments: list[Comment] = []
    for tok in tokens:
        if tok.type != tokenize.COMMENT or not first <= tok.start[0] <= last:
            continue
        body = tok.string[1:].strip()
        if body in _PRINTER_COMMENTS:
            continue
        own_line = not tok.line[: tok.start[1]].strip()
        comments.append(Comment(tok.start[0], body, own_line, tok.start[1]))
    return CommentTable(comments, functions, bodies, columns)


def _extend_over_indented_comments(tokens: list[tokenize.TokenInfo], last: int) -> int:
    """``last``, moved down over the indented comments that end the definition's body.

    The syntax tree stops at the body's last statement.
    """
    for tok in tokens:
        if tok.start[0] <= last or tok.type in (tokenize.NL, tokenize.NEWLINE):
            continue
        if tok.type != tokenize.COMMENT or tok.start[1] == 0:
            break
        last = tok.start[0]
    return last


def _tokens(text: str) -> list[tokenize.TokenInfo]:
    try:
        return list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return []


def _definition_lines(
    text: str,
) -> tuple[int, int, dict[str, tuple[int, int]], dict[str, int], dict[str, int]]:
    """First and last line of the decorated top-level definition, and of its functions.

    Also where each function's body ends and the column of its first decorator.
    """
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return 0, 1 << 30, {}, {}, {}
    defs = [
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef | ast.FunctionDef) and node.decorator_list
    ]
    if not defs:
        return 0, 1 << 30, {}, {}, {}
    node = defs[0]
    first, last = _start(node), node.end_lineno or node.lineno
    members = node.body if isinstance(node, ast.ClassDef) else [node]
    funcs = [m for m in members if isinstance(m, ast.FunctionDef)]
    functions: dict[str, tuple[int, int]] = {}
    bodies: dict[str, int] = {}
    columns: dict[str, int] = {}
    for i, func in enumerate(funcs):
        end = _start(funcs[i + 1]) - 1 if i + 1 < len(funcs) else last
        functions[func.name] = (_start(func), end)
        bodies[func.name] = func.end_lineno or func.lineno
        columns[func.name] = func.col_offset  # decorators start there too
    return first, last, functions, bodies, columns


def _start(node: ast.ClassDef | ast.FunctionDef) -> int:
    return min([node.lineno, *(d.lineno for d in node.decorator_list)])
