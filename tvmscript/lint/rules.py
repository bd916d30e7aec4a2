"""The messages `tvmscript lint` drops: each false on TVMScript, only where our parser agrees.

A rule names a tool's message (mypy error code, pylint symbol, pyright rule), where it must
sit to be dropped (inside a validated definition, or in a validated function's signature: see
`tvmscript.lint.scope`), optionally a text it must contain, and the reason ``--explain`` says.
A message anywhere else, or in a definition our parser rejected, is always kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from tvmscript.lint.scope import ScriptScope

Where = Literal["definition", "signature"]

_NAMES: Final = "our parser resolved every name of this definition (symbolic dimensions too)"
_CALL_ANNOTATION: Final = (
    "a call-form annotation (T.Buffer(...), R.Tensor(...)) is TVMScript's: TVM evaluates it"
)
_NO_SELF: Final = "the functions of an @I.ir_module class take no self"
_IR_NAMES: Final = "IR variables and buffers are named as TVM prints them"
_NO_DOCSTRING: Final = "TVMScript has no docstrings (one would be a statement of the body)"
_IR_SIZE: Final = "a kernel's parameters, locals and statements are its IR's"
_TYPEVAR: Final = 'a module-level n = TypeVar("n") is a symbolic size (an int64 variable)'


@dataclass(frozen=True, slots=True)
class DropRule:
    """One kind of message that is false on validated TVMScript."""

    tool: str
    code: str
    where: Where
    reason: str
    contains: str = ""


RULES: Final[tuple[DropRule, ...]] = (
    # mypy: what the plugin reaches when its tree rewrite ran; the rest, when it could not
    # (no source text, a tree without definitions under --num-workers, plugin not loaded).
    DropRule("mypy", "valid-type", "definition", _CALL_ANNOTATION),
    DropRule("mypy", "no-untyped-def", "signature", "a prim_func returns nothing (-> None)"),
    DropRule("mypy", "untyped-decorator", "signature", "the stubs type TVMScript decorators"),
    DropRule("mypy", "misc", "definition", "T.axis.remap gives one axis per kind letter",
             "object is not iterable"),
    DropRule("mypy", "misc", "signature", _NO_SELF, "erased type of self"),
    DropRule("mypy", "name-defined", "definition", _NAMES),
    # pylint
    DropRule("pylint", "no-self-argument", "signature", _NO_SELF),
    DropRule("pylint", "undefined-variable", "definition", _NAMES),
    DropRule("pylint", "unused-variable", "definition",
             "a block axis or loop variable declares IR (an unused one still does)"),
    DropRule("pylint", "unused-argument", "signature",
             "a PrimFunc's or Relax function's parameters are its interface, used or not"),
    DropRule("pylint", "invalid-name", "definition", _IR_NAMES),
    DropRule("pylint", "missing-function-docstring", "signature", _NO_DOCSTRING),
    DropRule("pylint", "missing-class-docstring", "signature", _NO_DOCSTRING),
    DropRule("pylint", "too-few-public-methods", "definition", "an IRModule is no class"),
    *(DropRule("pylint", code, "definition", _IR_SIZE) for code in (
        "too-many-arguments", "too-many-positional-arguments", "too-many-locals",
        "too-many-statements", "too-many-branches", "too-many-nested-blocks")),
    # pyright (no plugins: the stubs and these rules are all it gets)
    DropRule("pyright", "reportInvalidTypeForm", "definition", _CALL_ANNOTATION),
    DropRule("pyright", "reportSelfClsParameterName", "signature", _NO_SELF),
    DropRule("pyright", "reportUndefinedVariable", "definition", _NAMES),
    DropRule("pyright", "reportAssignmentType", "definition",
             "x: T.float32 = ... declares a dtype, not a Python type", "to declared type"),
    DropRule("pyright", "reportGeneralTypeIssues", "signature", _NO_SELF,
             "must be a supertype of its class"),
    *(DropRule("pyright", code, "definition", _TYPEVAR, "TypeVar")
      for code in ("reportArgumentType", "reportOperatorIssue")),
    DropRule("pyright", "reportAttributeAccessIssue", "definition",
             "cls.f names a function of the module (our parser resolved it)",
             'for class "IRModule"'),
    DropRule("pyright", "reportArgumentType", "definition",
             "range(n) over a symbolic extent is a TIR loop",
             'of type "SupportsIndex" in function "__new__"'),
)  # fmt: skip
"""Every rule; a message is dropped when one matches it."""

OVERLOAD_REASON: Final = "the argument message of this call, on the same line, was false"


def follows_dropped(tool: str, code: str, text: str) -> bool:
    """Whether the message only repeats an argument message: pyright's "No overloads for"."""
    return tool == "pyright" and code == "reportCallIssue" and "No overloads for" in text


def drop_reason(
    tool: str, code: str, line: int, text: str, scope: ScriptScope
) -> tuple[str, str] | None:
    """``(definition name, reason)`` when the message is false on TVMScript, else None."""
    for rule in RULES:
        if rule.tool != tool or rule.code != code or rule.contains not in text:
            continue
        where = scope.in_signature(line) if rule.where == "signature" else None
        if rule.where == "definition":
            where = scope.in_definition(line)
        if where is not None:
            return where, rule.reason
    return None
