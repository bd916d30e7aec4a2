"""What the formatter tests compare: names, literals, docstrings and where comments sit."""

from __future__ import annotations

import ast
import io
import tokenize
from collections import Counter
from pathlib import Path
from typing import Final

CASES: Final = Path(__file__).resolve().parent / "cases"
_ROOT_COMMENT: Final = '# with T.sblock("root"):'


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.py"))


def names(text: str) -> Counter[str]:
    """Every name of ``text``, as written (a multiset)."""
    return Counter(t.string for t in _tokens(text) if t.type == tokenize.NAME)


def literals(text: str) -> list[str]:
    """The value of every number and string literal but docstrings.

    Their spelling may change: ``.5`` is written ``0.5``, ``'a'`` is written ``"a"``.
    """
    tree = ast.parse(text)
    standalone = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return sorted(
        f"{type(node.value).__name__}:{node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and id(node) not in standalone
    )


def docstrings(text: str) -> list[str]:
    """The docstrings of the module, classes and functions, their lines stripped."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
            doc = ast.get_docstring(node, clean=False)
            if doc is not None:
                found.append("\n".join(line.strip() for line in doc.splitlines()).strip())
    return found


def comment_anchors(text: str) -> list[tuple[int, str, bool]]:
    """Each comment with where it sits.

    That is how many names and literals come before it, its text, and whether it has a line of
    its own (an end-of-line comment still ends a line of the same code).
    """
    anchors = []
    seen = 0
    for tok in _tokens(text):
        if tok.type in (tokenize.NAME, tokenize.NUMBER, tokenize.STRING):
            seen += 1
        elif tok.type == tokenize.COMMENT:
            own_line = not tok.line[: tok.start[1]].strip()
            anchors.append((seen, tok.string[1:].strip(), own_line))
    return anchors


def without_comments(text: str) -> str:
    """``text`` without its comments (but TVM's root-block one) and the lines they leave empty."""
    cuts = {
        tok.start[0] - 1: tok.start[1]
        for tok in _tokens(text)
        if tok.type == tokenize.COMMENT and tok.string != _ROOT_COMMENT
    }
    out = []
    for i, line in enumerate(text.split("\n")):
        if i in cuts:
            line = line[: cuts[i]].rstrip()
            if not line:
                continue
        out.append(line)
    return "\n".join(out)


def _tokens(text: str) -> list[tokenize.TokenInfo]:
    return list(tokenize.generate_tokens(io.StringIO(text).readline))
