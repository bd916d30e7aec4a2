"""TIR expressions print straight to text: ``(text, precedence)`` pairs, no doc tree.

Each expression class has one text printer (`register_text`); `as_doc` answers a `TextDoc` of
it, so statements embed expressions as already-printed text. Inside an expression, children are
printed with `text_of` (one call per node), and parenthesised by `expr_text`'s rules. With
``source_paths`` an expression's doc carries the path of the whole expression.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import NULL_PATH, AccessPath
from tvmscript.script.printer.expr_text import Prec, expr_text, precedence
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.tokens import Token

Text = tuple[str, int]
"""An expression's text and how tightly it binds (a `Prec`)."""
TextPrinter = Callable[[Any, IRDocsifier], Text]

ATOM: Final = int(Prec.ATOM)
_TEXT: dict[type, TextPrinter] = {}
TEXT_PRINTERS: Final = _TEXT
"""Class -> text printer (read only; every `PrimExpr` class has one, see `register_text`)."""


def register_text(*classes: type, doc: bool = True) -> Callable[[TextPrinter], TextPrinter]:
    """Make the decorated function print ``classes``.

    With ``doc``, `as_doc` answers its text too (else the classes have their own doc printer:
    variables print as name docs).
    """

    def decorate(fn: TextPrinter) -> TextPrinter:
        for cls in classes:
            _TEXT[cls] = fn
            if doc:
                register(Token.DEFAULT, cls)(_as_text_doc)
        return fn

    return decorate


def _as_text_doc(obj: object, p: AccessPath, d: IRDocsifier) -> D.TextDoc:
    text, prec = _TEXT[type(obj)](obj, d)
    return D.TextDoc(text, prec)


def expr_doc(obj: object, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """``d.as_doc(obj, p)`` for an expression used as a value (a variable too prints as text)."""
    if (fn := _TEXT.get(type(obj))) is None:
        return d.as_doc(obj, p)  # type: ignore[no-any-return]
    doc = D.TextDoc(*fn(obj, d))
    if d.keep_paths:
        doc.source_paths = (p,)
    return doc


def text_of(obj: object, d: IRDocsifier) -> Text:
    """``obj``'s text: an expression's printer, else its doc's (lists, buffers, ...)."""
    if (fn := _TEXT.get(type(obj))) is not None:
        return fn(obj, d)
    return doc_text(d.as_doc(obj, NULL_PATH))


def arg_text(obj: object, d: IRDocsifier) -> str:
    """``obj``'s text as a call argument or index (never parenthesised)."""
    if (fn := _TEXT.get(type(obj))) is not None:
        return fn(obj, d)[0]
    return expr_text(d.as_doc(obj, NULL_PATH))


def doc_text(doc: D.ExprDoc) -> Text:
    """An expression doc's text and precedence."""
    if type(doc) is D.IdDoc:
        return doc.name, ATOM
    return expr_text(doc), int(precedence(doc))


def tir_text(d: IRDocsifier, attr: str) -> str:
    """``T.attr`` (records that the header must import ``T``)."""
    if (text := d.prefixed_text.get(attr)) is not None:
        return text
    d.ir_usage.add("tir")
    text = d.prefixed_text[attr] = d.cfg.tir_prefix + "." + attr
    return text


def tir_call(d: IRDocsifier, attr: str, args: list[str]) -> Text:
    """``T.attr(args)``."""
    if (callee := d.prefixed_text.get(attr)) is None:
        callee = tir_text(d, attr)
    return callee + "(" + ", ".join(args) + ")", ATOM


def tir_call_doc(
    d: IRDocsifier, attr: str, args: list[str], kwargs: Sequence[tuple[str, str]] = ()
) -> D.TextDoc:
    """``T.attr(args, key=value)`` (printed arguments) as a doc for a statement."""
    if kwargs:
        args = [*args, *(k + "=" + v for k, v in kwargs)]
    return D.TextDoc(*tir_call(d, attr, args))


def text_printed_classes() -> frozenset[type]:
    """The classes with a text printer."""
    return frozenset(_TEXT)
