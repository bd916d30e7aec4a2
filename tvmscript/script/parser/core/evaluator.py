"""The expression evaluator: interprets Doc expressions itself (never ``eval``/``exec``).

Names resolve through the parser's `VarTable`, then the script's globals (module constants,
``extra_vars``, the ``T``/``R``/``I`` aliases), then a whitelist of builtins. Only callables
that belong to tvmscript (builder functions, IR constructors and methods) or the whitelist may
be called, and attributes starting with ``_`` are never read, so user text cannot reach Python
internals or run arbitrary code.
"""

from __future__ import annotations

import builtins
import difflib
import inspect
import operator
import re
import types
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from tvmscript.core.ir.dtype import DTypeError, TypeMismatchError
from tvmscript.core.ir.span import Span
from tvmscript.diagnostics import Diagnostic, DiagnosticError
from tvmscript.script.ir_builder.base import BuilderError, bound_ir_method
from tvmscript.script.ir_builder.ir.ir import meta_var
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.dispatch import dialect_names
from tvmscript.script.parser.core.macro import Macro
from tvmscript.script.parser.core.operators import (
    binary_operator,
    operator_for,
    scoped_operator_for,
)
from tvmscript.script.parser.core.poison import POISON

if TYPE_CHECKING:
    from tvmscript.script.parser.core.parser import Parser


class Boxed:
    """A binding whose value in an expression is computed on use (e.g. a local scalar)."""

    __slots__ = ()

    def get(self) -> Any:
        """The value the name stands for in an expression."""
        raise NotImplementedError


class Undefined:
    """A name a dialect makes undefined in a scope, with the diagnostic its use gives.

    (Relax: ``cls`` until ``cls = Module`` is written; a dataflow variable after its block.)
    """

    __slots__ = ("code", "message")

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message


def has_poison(value: object) -> bool:
    """Whether ``value`` is, or (in a tuple, list or dict) contains, the error marker."""
    if value is POISON:
        return True
    kind = type(value)
    if kind is tuple or kind is list:
        for v in value:  # type: ignore[attr-defined]
            if v is POISON or ((type(v) is tuple or type(v) is list) and has_poison(v)):
                return True
        return False
    if kind is dict:
        return has_poison(list(value.values()))  # type: ignore[attr-defined]
    return False


_SAFE_BUILTINS: Final[dict[str, Any]] = {
    name: getattr(builtins, name)
    for name in (
        "range",
        "len",
        "int",
        "float",
        "bool",
        "str",
        "min",
        "max",
        "abs",
        "tuple",
        "list",
        "dict",
        "enumerate",
        "zip",
        "reversed",
        "sum",
        "round",
        "isinstance",
        "slice",
        "sorted",
        "any",
        "all",
        "divmod",
        "pow",
        "map",
        "filter",
    )
} | {"True": True, "False": False, "None": None}
_SAFE_CALLABLES: Final = frozenset(id(v) for v in _SAFE_BUILTINS.values() if callable(v))

BINOPS: Final[dict[str, Callable[[Any, Any], Any]]] = {
    "Add": operator.add,
    "Sub": operator.sub,
    "Mult": operator.mul,
    "Div": operator.truediv,
    "FloorDiv": operator.floordiv,
    "Mod": operator.mod,
    "Pow": operator.pow,
    "LShift": operator.lshift,
    "RShift": operator.rshift,
    "BitOr": operator.or_,
    "BitXor": operator.xor,
    "BitAnd": operator.and_,
    "MatMult": operator.matmul,
}
_CMPOPS: Final[dict[str, Callable[[Any, Any], Any]]] = {
    "Eq": operator.eq,
    "NotEq": operator.ne,
    "Lt": operator.lt,
    "LtE": operator.le,
    "Gt": operator.gt,
    "GtE": operator.ge,
    "Is": operator.is_,
    "IsNot": operator.is_not,
    "In": lambda a, b: a in b,
    "NotIn": lambda a, b: a not in b,
}


class Evaluator:
    """Evaluates Doc expressions for one parser."""

    def __init__(self, parser: Parser) -> None:
        self.parser = parser
        self._dispatch: dict[type, Callable[[Any], Any]] = {
            doc.Name: self._name,
            doc.Constant: self._constant,
            doc.Attribute: self._attribute,
            doc.Call: self._call,
            doc.Subscript: self._subscript,
            doc.BinOp: self._binop,
            doc.Tuple: self._tuple,
            doc.List: self._list,
            doc.Compare: self._compare,
            doc.UnaryOp: self._unaryop,
            doc.BoolOp: self._boolop,
            doc.Slice: self._slice,
            doc.Dict: self._dict,
            doc.IfExp: self._ifexp,
            doc.Lambda: self._lambda,
            doc.Starred: self._starred,
        }

    def observe(self, node_type: type[doc.Expr], after: Callable[[Any, Any], None]) -> None:
        """Call ``after(node, value)`` each time a ``node_type`` node has been evaluated."""
        rule = self._dispatch[node_type]

        def observed(node: Any) -> Any:
            value = rule(node)
            after(node, value)
            return value

        self._dispatch[node_type] = observed

    def poisoned(self) -> bool:
        """Whether an error marker may be among the values (a name or global holds one)."""
        return self.parser.var_table.poisoned or self.parser.globals_poisoned

    def eval(self, node: doc.Expr) -> Any:
        """The value of ``node``."""
        return self._dispatch[type(node)](node)

    # --- leaves ------------------------------------------------------------------------------

    def _name(self, node: doc.Name) -> Any:
        value = self.lookup(node.id)
        if type(value) is meta_var:  # a parse-time Python value, used as it is
            return value.value
        if type(value) is Undefined:
            raise DiagnosticError.at(node.span, value.code, value.message)
        if value is MISSING and hasattr(builtins, node.id):
            raise DiagnosticError.at(
                node.span, "unsupported-call", f"'{node.id}' cannot be used in TVMScript"
            )
        if value is MISSING:
            raise DiagnosticError.at(node.span, "undefined-name", f"undefined name '{node.id}'")
        if value is POISON and not self.parser.var_table.name2value.get(node.id):
            self._note_unevaluated_global(node)
        return value

    def _note_unevaluated_global(self, node: doc.Name) -> None:
        """Say, once per name, that code using a module-level value we cannot know is unchecked.

        The file is never run: ``n = compute()`` or a plain Python helper has no value here.
        """
        noted = self.parser.unevaluated_noted
        if node.id in noted or not self.parser.noting_unevaluated:
            return
        noted.add(node.id)
        self.parser.diagnostics.append(
            Diagnostic.at(
                node.span,
                "unevaluated-global",
                f"'{node.id}' is a module-level value tvmscript cannot evaluate (it never runs "
                "the file): the code using it is not checked",
                "information",
            )
        )

    def lookup(self, name: str) -> Any:
        """The value of ``name`` (locals, script globals, builtins), or a missing marker."""
        stack = self.parser.var_table.name2value.get(name)
        if stack:
            value = stack[-1]
            return value.get() if isinstance(value, Boxed) else value
        value = self.parser.globals.get(name, MISSING)
        if value is not MISSING:
            return value
        value = dialect_names(self.parser.token).get(name, MISSING)
        if value is not MISSING:
            return value
        return _SAFE_BUILTINS.get(name, MISSING)

    def _constant(self, node: doc.Constant) -> Any:
        return node.value

    def _attribute(self, node: doc.Attribute) -> Any:
        base = self.eval(node.value)
        if base is POISON:
            return POISON
        attr = node.attr
        if attr.startswith("_"):
            raise DiagnosticError.at(
                node.span, "unsupported-syntax", f"attribute '{attr}' cannot be used in TVMScript"
            )
        if (method := bound_ir_method(base, attr)) is not None:
            return method
        try:
            return getattr(base, attr)
        except AttributeError as exc:
            if (code := error_code(exc, "")) != "":  # the value explains itself
                raise DiagnosticError.at(node.span, code, str(exc)) from None
            raise DiagnosticError.at(
                node.span, "unknown-attribute", _unknown_attribute_message(base, attr, node)
            ) from None

    # --- containers --------------------------------------------------------------------------

    def _elements(self, elts: tuple[doc.Expr, ...]) -> list[Any]:
        dispatch = self._dispatch
        out: list[Any] = []
        for e in elts:
            kind = type(e)
            if kind is doc.Starred:
                out.extend(self._iterable(e.value))  # type: ignore[attr-defined]
            else:
                out.append(dispatch[kind](e))
        return out

    def _iterable(self, node: doc.Expr) -> list[Any]:
        value = self.eval(node)
        if value is POISON:
            return []
        try:
            return list(value)
        except TypeError:
            raise DiagnosticError.at(
                node.span, "invalid-argument", f"cannot unpack '{type(value).__name__}'"
            ) from None

    def _tuple(self, node: doc.Tuple) -> Any:
        return tuple(self._elements(node.elts))

    def _list(self, node: doc.List) -> Any:
        return self._elements(node.elts)

    def _dict(self, node: doc.Dict) -> Any:
        out: dict[Any, Any] = {}
        for k, v in zip(node.keys, node.values, strict=True):
            if k is None:
                out.update(self.eval(v))
            else:
                out[self.eval(k)] = self.eval(v)
        return out

    def _starred(self, node: doc.Starred) -> Any:
        raise DiagnosticError.at(node.span, "unsupported-syntax", "'*' is not allowed here")

    def _slice(self, node: doc.Slice) -> Any:
        lower = None if node.lower is None else self.eval(node.lower)
        upper = None if node.upper is None else self.eval(node.upper)
        step = None if node.step is None else self.eval(node.step)
        return slice(lower, upper, step)

    # --- operators ---------------------------------------------------------------------------

    def _binop(self, node: doc.BinOp) -> Any:
        lhs = self.eval(node.left)
        rhs = self.eval(node.right)
        if lhs is POISON or rhs is POISON:
            return POISON
        try:
            return self.apply(node, BINOPS[node.op], lhs, rhs)
        except DiagnosticError as exc:
            raise _blame_operand(exc, node, lhs, rhs) from None

    def apply(self, node: doc.Node, fn: Callable[..., Any], *args: Any) -> Any:
        """Apply an operator, turning its failures into diagnostics at ``node``."""
        try:
            return fn(*args)
        except TypeMismatchError as exc:
            raise DiagnosticError.at(node.span, "dtype-mismatch", str(exc)) from None
        except BuilderError as exc:
            raise DiagnosticError.at(node.span, "misplaced-call", _describe(exc)) from None
        except ZeroDivisionError as exc:
            raise DiagnosticError.at(node.span, "invalid-argument", str(exc)) from None
        except (TypeError, ValueError, DTypeError) as exc:
            raise DiagnosticError.at(node.span, error_code(exc), _describe(exc)) from None

    def _compare(self, node: doc.Compare) -> Any:
        left = self.eval(node.left)
        result: Any = None
        for op, comp in zip(node.ops, node.comparators, strict=True):
            right = self.eval(comp)
            if left is POISON or right is POISON:
                return POISON
            rule = binary_operator(op, left, right)
            value = self.apply(node, rule or _CMPOPS[op], left, right)
            result = value if result is None else self._and(node, result, value)
            left = right
        return result

    def _and(self, node: doc.Node, a: Any, b: Any) -> Any:
        if (rule := binary_operator("And", a, b)) is not None:
            return self.apply(node, rule, a, b)
        return a and b

    def _unaryop(self, node: doc.UnaryOp) -> Any:
        v = self.eval(node.operand)
        if v is POISON:
            return POISON
        if node.op == "Not":
            rule = operator_for("Not", v)
            return self.apply(node, rule, v) if rule is not None else not v
        if node.op == "USub":
            return self.apply(node, operator.neg, v)
        if node.op == "UAdd":
            return v
        return self.apply(node, operator.invert, v)

    def _boolop(self, node: doc.BoolOp) -> Any:
        values = [self.eval(v) for v in node.values]
        if any(v is POISON for v in values):
            return POISON
        result = values[0]
        for v in values[1:]:
            if (rule := binary_operator(node.op, result, v)) is not None:
                result = self.apply(node, rule, result, v)
            elif node.op == "And":
                result = result and v
            else:
                result = result or v
        return result

    def _ifexp(self, node: doc.IfExp) -> Any:
        cond = self.eval(node.test)
        if cond is POISON:
            return POISON
        if (rule := operator_for("IfExp", cond)) is not None:
            return self.apply(node, rule, cond, self.eval(node.body), self.eval(node.orelse))
        return self.eval(node.body) if cond else self.eval(node.orelse)

    def _subscript(self, node: doc.Subscript) -> Any:
        base = self.eval(node.value)
        key = self.eval(node.slice)
        if base is POISON or (self.poisoned() and has_poison(key)):
            return POISON
        return self.parser.subscript(node, base, key)

    def _lambda(self, node: doc.Lambda) -> Any:
        params = [a.arg for a in node.args.args]
        parser = self.parser

        def call(*args: Any) -> Any:
            if len(args) != len(params):
                raise TypeError(f"the lambda takes {len(params)} arguments, got {len(args)}")
            with parser.var_table.with_frame():
                for name, value in zip(params, args, strict=True):
                    parser.var_table.add(name, value)
                return self.eval(node.body)

        call.__qualname__ = "lambda"
        call.__module__ = "tvmscript.script.parser.lambda"
        call.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in params]
        )
        return call

    # --- calls -------------------------------------------------------------------------------

    def _call(self, node: doc.Call) -> Any:
        func = self.eval(node.func)
        args = self._elements(node.args)
        kwargs: dict[str, Any] = {}
        for kw in node.keywords:
            if kw.arg is None:
                kwargs.update(self.eval(kw.value))
            else:
                kwargs[kw.arg] = self.eval(kw.value)
        if func is POISON:
            return POISON
        if self.poisoned() and (has_poison(args) or has_poison(kwargs)):
            return POISON
        if type(func) is Macro:
            return func.expand(self.parser, node, args, kwargs)
        if (rule := scoped_operator_for("Call", func, self.parser.token)) is not None:
            result = rule(self.parser, node, func, args, kwargs)
        else:
            result = self.call(node, func, args, kwargs)
        if (check := operator_for("CallResult", result)) is not None:
            result = check(self.parser, node, result)
        return result

    def call(self, node: doc.Call, func: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Call an allowed callable, turning its failures into diagnostics at ``node``."""
        if not callable(func):
            raise DiagnosticError.at(
                node.func.span, "not-callable", f"'{type(func).__name__}' object is not callable"
            )
        if not is_allowed_callable(func):
            name = getattr(func, "__name__", type(func).__name__)
            message = (
                f"'{_dotted(node.func)}' is a decorator: it goes above a def or class, it "
                "is not called on a value in TVMScript"
                if _is_decorator(func)
                else f"'{name}' cannot be called in TVMScript: only T/R/I functions, IR methods "
                "and simple builtins are evaluated"
            )
            raise DiagnosticError.at(node.func.span, "unsupported-call", message)
        try:
            return func(*args, **kwargs)
        except DiagnosticError:
            raise
        except TypeError as exc:
            check_signature(node, func, args, kwargs)  # a wrong call shape is `invalid-call`
            raise DiagnosticError.at(node.span, "invalid-argument", _describe(exc)) from None
        except BuilderError as exc:
            raise DiagnosticError.at(node.span, "misplaced-call", _describe(exc)) from None
        except TypeMismatchError as exc:
            raise DiagnosticError.at(node.span, "dtype-mismatch", str(exc)) from None
        except (ValueError, KeyError, IndexError, DTypeError, ZeroDivisionError) as exc:
            message = _describe(exc)
            span = getattr(exc, "span", None)
            span = span if isinstance(span, Span) else argument_span(node, message)
            raise DiagnosticError.at(span, error_code(exc), message) from None
        except NotImplementedError as exc:
            raise DiagnosticError.at(node.span, "not-supported", _describe(exc)) from None


MISSING: Final = object()


def error_code(exc: BaseException, default: str = "invalid-argument") -> str:
    """The diagnostic code ``exc`` carries (``exc.code``, as inference errors have)."""
    code = getattr(exc, "code", None)
    return code if isinstance(code, str) and code else default


_ALLOWED: dict[int, tuple[Any, bool]] = {}


def is_allowed_callable(func: Any) -> bool:
    """Whether ``func`` is ours (tvmscript) or a whitelisted builtin."""
    if (hit := _ALLOWED.get(id(func))) is not None and hit[0] is func:
        return hit[1]
    allowed = _is_allowed(func)
    if isinstance(func, types.FunctionType | type):  # long-lived: worth remembering
        _ALLOWED[id(func)] = (func, allowed)
    return allowed


def _is_decorator(func: Any) -> bool:
    from tvmscript.script.parser import decorators

    return decorators.kind_of(func) is not None


def _is_allowed(func: Any) -> bool:
    if id(func) in _SAFE_CALLABLES:
        return True
    if _is_decorator(func):  # `R.function(x)`: it would read Python source, not the script's
        return False
    owner = getattr(func, "__self__", None)
    if owner is not None and not isinstance(owner, types.ModuleType):
        if isinstance(owner, (str, list, tuple, dict, int, float)):  # e.g. "SS".split, d.get
            return getattr(func, "__name__", "") in _SAFE_METHODS
        return _is_our_module(type(owner).__module__)
    module = getattr(func, "__module__", None)
    if module is None and isinstance(func, type):
        module = func.__module__
    return module is not None and _is_our_module(module)


_SAFE_METHODS: Final = frozenset(
    {
        "get",
        "keys",
        "values",
        "items",
        "index",
        "count",
        "split",
        "join",
        "format",
        "upper",
        "lower",
        "startswith",
        "endswith",
        "replace",
        "strip",
        "copy",
    }
)


def _is_our_module(module: str) -> bool:
    return module == "tvmscript" or module.startswith("tvmscript.")


@lru_cache(maxsize=2048)
def _signature(func: Any) -> inspect.Signature | None:
    try:
        return inspect.signature(func)
    except (TypeError, ValueError):
        return None


def check_signature(node: doc.Call, func: Any, args: list[Any], kwargs: dict[str, Any]) -> None:
    """Report a call whose arguments do not fit ``func``'s signature (count, keywords)."""
    try:
        sig = _signature(func)
    except TypeError:  # unhashable callable
        return
    if sig is None:
        return
    try:
        sig.bind(*args, **kwargs)
    except TypeError as exc:
        name = _callee_name(node)
        raise DiagnosticError.at(
            node.span, "invalid-call", f"{name}(): {exc}; expected {name}{plain_signature(sig)}"
        ) from None


def plain_signature(sig: inspect.Signature) -> str:
    """``(start, stop=None, *, step=None)``: parameters without annotations, for messages."""
    params = [p.replace(annotation=inspect.Parameter.empty) for p in sig.parameters.values()]
    return str(sig.replace(parameters=params, return_annotation=inspect.Signature.empty))


def _callee_name(node: doc.Call) -> str:
    parts: list[str] = []
    cur: doc.Expr = node.func
    while isinstance(cur, doc.Attribute):
        parts.append(cur.attr)
        cur = cur.value
    if isinstance(cur, doc.Name):
        parts.append(cur.id)
    return ".".join(reversed(parts)) or "call"


_OPERATOR_SYMBOLS: Final = {
    "Add": "+", "Sub": "-", "Mult": "*", "Div": "/", "FloorDiv": "//", "Mod": "%", "Pow": "**",
    "LShift": "<<", "RShift": ">>", "BitOr": "|", "BitXor": "^", "BitAnd": "&", "MatMult": "@",
}  # fmt: skip
_QUOTED: Final = re.compile(r"'([^'\n]*)'")


def _blame_operand(exc: DiagnosticError, node: doc.BinOp, lhs: Any, rhs: Any) -> DiagnosticError:
    """The error of ``lhs op rhs`` at the one operand whose type the message names."""
    if len(exc.diagnostics) != 1:
        return exc
    diagnostic = exc.diagnostics[0]
    left, right = f"'{type(lhs).__name__}'", f"'{type(rhs).__name__}'"
    blamed = [
        (side, operand)
        for side, operand, name in (("left", node.left, left), ("right", node.right, right))
        if name in diagnostic.message
    ]
    if left == right or len(blamed) != 1:
        return exc
    side, operand = blamed[0]
    symbol = _OPERATOR_SYMBOLS.get(node.op, node.op)
    message = f"the {side} operand of '{symbol}': {diagnostic.message}"
    return DiagnosticError.at(operand.span, diagnostic.code, message)


def argument_span(node: doc.Call, message: str) -> Span:
    """The span of the argument of ``node`` that ``message`` quotes, else the call's.

    ``unknown data type 'flaot32'`` points at the ``"flaot32"`` literal; ``got 'X'`` at the
    ``X`` inside a literal ``"SX"`` (when that literal is spelt plainly on one line).
    """
    quoted = _QUOTED.findall(message)
    if not quoted:
        return node.span
    literals = [
        arg
        for arg in (*node.args, *(k.value for k in node.keywords))
        if isinstance(arg, doc.Constant) and isinstance(arg.value, str)
    ]
    for text in quoted:
        exact = [arg for arg in literals if arg.value == text]
        if len(exact) == 1:
            return exact[0].span
    if (got := re.search(r"\bgot '([^'\n]+)'", message)) is not None:
        text = got.group(1)
        inside = [arg for arg in literals if arg.value.count(text) == 1]
        if len(inside) == 1:
            arg, span = inside[0], inside[0].span
            plain = (
                span.line == span.end_line and span.end_column - span.column == len(arg.value) + 2
            )
            if plain:
                start = span.column + 1 + arg.value.index(text)
                return Span(span.file, span.line, start, span.line, start + len(text))
    return node.span


def _describe(exc: BaseException) -> str:
    if isinstance(exc, KeyError) and len(exc.args) == 1:  # str(KeyError) is the key's repr
        text = str(exc.args[0]).strip()
    else:
        text = str(exc).strip() if str(exc) else type(exc).__name__
    return lowercase_first(text) if text else "invalid argument"


def lowercase_first(text: str) -> str:
    """``"Expected x"`` -> ``"expected x"``; names such as ``T.float32`` keep their case."""
    if text[:1].isupper() and text[1:2].islower():
        return text[:1].lower() + text[1:]
    return text


def _unknown_attribute_message(base: Any, attr: str, node: doc.Attribute) -> str:
    names = [n for n in dir(base) if not n.startswith("_")]
    owner = _owner_name(base, node)
    message = f"{owner} has no attribute '{attr}'"
    if close := difflib.get_close_matches(attr, names, n=1, cutoff=0.6):
        message += f"; did you mean '{close[0]}'?"
    return message


def _owner_name(base: Any, node: doc.Attribute) -> str:
    is_namespace = isinstance(base, types.ModuleType) or getattr(base, "_is_namespace", False)
    if is_namespace and isinstance(node.value, doc.Name | doc.Attribute):
        return f"'{_dotted(node.value)}'"
    return f"'{type(base).__name__}' object"


def _dotted(node: doc.Expr) -> str:
    if isinstance(node, doc.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, doc.Name):
        return node.id
    return "expression"
