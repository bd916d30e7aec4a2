"""Typing rules: what a TVMScript file means by some names, where the builder's types say less.

The builder is typed for the builder: ``prim_func(func: Any = None, ...) -> Any``,
``grid(*extents) -> ForFrame``, ``remap(kinds, bindings) -> Var | list[Var]``. A type checker
reading TVMScript needs what the *script* sees: a decorated function stays typed,
``for i, j in T.grid(4, 4)`` binds two variables, ``vi, vj = T.axis.remap("SS", [i, j])`` two
block axes, ``T.Ramp(base, 1, 4)`` takes Python scalars as TVM does. Each rule writes the stub of
one name from the live object (its own parameters and docstring, overloads by arity where the
arity can be known); the mypy plugin ``tvmscript_stubs.mypy`` refines the same names past the
arities spelt here (`MAX_REMAP`, `MAX_GRID`).
"""

from __future__ import annotations

import inspect
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from tvmscript.stubgen.emit import Emitter

MAX_REMAP: Final = 5
"""``T.axis.remap`` kind strings spelt as literals up to this length (2 + 4 + ... + 32)."""
MAX_GRID: Final = 8
"""``T.grid`` overloads up to this many extents; more give ``tuple[Var, ...]``."""

FunctionRule = Callable[["Emitter", str, Callable[..., Any]], list[str]]

# Members the Python classes do not spell, by support class name: how TVMScript uses them.
EXTRA_MEMBERS: Final[dict[str, tuple[str, ...]]] = {
    # `for i, j in T.grid(...)` reads the loop variables the parser binds (ForFrame[Vars]).
    "ForFrame": (
        "def __iter__(self) -> Iterator[_Vars]: ...",
        "def __enter__(self) -> _Vars: ...",
    ),
    # `A[i] = v` in TVMScript is a BufferStore the parser builds (Python has no such method);
    # `A[i]` a BufferLoad (a vector load with a slice; T.reads takes loads as regions).
    "Buffer": (
        "def __getitem__(self, key: BufferIndex) -> BufferLoad: ...",
        "def __setitem__(self, key: BufferIndex, value: Operand) -> None: ...",
    ),
    # `tx = T.launch_thread("threadIdx.x", 8)` binds the thread variable (so does `with ... as`).
    "LaunchThreadFrame": ("def __enter__(self) -> Var: ...",),
    # A module's functions call each other by name: `cls.f(...)`.
    # A Relax function called from another is a Relax call: `lv = cls.f(x)`.
    "PrimFunc": ("def __call__(self, *args: Any) -> Any: ...",),
    "Function": ("def __call__(self, *args: Any) -> Call_: ...",),
    # `lv[0]` on a tuple-valued Relax expression is a TupleGetItem the parser builds.
    "Expr": ("def __getitem__(self, index: int) -> Expr: ...",),
    # `T.ptx.mma.sync.aligned...`: each modifier narrows the chain (read dynamically).
    "PtxChain": ("def __getattr__(self, name: str) -> PtxChain: ...",),
}
# Extra bases of support classes: `T.launch_thread(...)` is also the thread variable it binds.
EXTRA_BASES: Final[dict[str, tuple[str, ...]]] = {"LaunchThreadFrame": ("Var",)}
# Type parameters of support classes (declared in `SUPPORT_HEADER`).
GENERIC_CLASSES: Final[dict[str, str]] = {"ForFrame": "_Vars"}
# Members the rules above replace (the Python class's own spelling of them is dropped).
REPLACED_MEMBERS: Final = frozenset(
    f"{cls}.{line.split('(', 1)[0].removeprefix('def ')}"
    for cls, lines in EXTRA_MEMBERS.items()
    for line in lines
)
SUPPORT_HEADER: Final = (
    '_Vars = TypeVar("_Vars")',
    '_P = ParamSpec("_P")',
    '_R = TypeVar("_R")',
    "",
    "BufferIndex: TypeAlias = PrimExpr | int | slice | tuple[PrimExpr | int | slice, ...]",
    "",
    "class MacroDecorator(Protocol):",
    '    """What ``@T.macro(hygienic=...)`` returns: a decorator keeping the signature."""',
    "    def __call__(self, func: Callable[_P, _R], /) -> Callable[_P, _R]: ...",
)
SUPPORT_TYPING: Final = frozenset(
    {"TypeVar", "ParamSpec", "Protocol", "TypeAlias", "Callable", "Generic", "Iterator"}
)
NAMESPACE_TYPING: Final = frozenset({"overload", "Literal", "Callable", "ParamSpec", "TypeVar"})
"""Typing names the rules' stubs use in a namespace stub."""
_NAMESPACE_VARIABLES: Final = {
    "_Params": '_Params = ParamSpec("_Params")',
    "_Result": '_Result = TypeVar("_Result")',
}


def namespace_header(body: list[str]) -> list[str]:
    """The type variables the rules' stubs in ``body`` use (declared in that stub)."""
    text = "\n".join(body)
    used = [line for name, line in _NAMESPACE_VARIABLES.items() if re.search(rf"\b{name}\b", text)]
    return ["", *used] if used else []


_WIDENED: Final = ("PrimExpr",)


def widen_constructor(line: str, is_expr: bool) -> str:
    """``T.Ramp(base, 1, 4)``: TVMScript passes Python scalars where a node takes a PrimExpr."""
    if not is_expr or not line.lstrip().startswith("def __init__("):
        return line
    for name in _WIDENED:
        line = line.replace(f": {name},", ": Operand,").replace(f": {name})", ": Operand)")
        line = line.replace(f": {name} =", ": Operand =")
    return line


def _overloaded(heads: list[str], doc: str | None) -> list[str]:
    from tvmscript.stubgen.emit import docstring

    out: list[str] = []
    for head in heads:
        out.append("@overload")
        out += [head + " ..."] if not doc else [head, *docstring(doc, "    ")]
    return out


def _live(emit: Emitter, fn: Callable[..., Any]) -> tuple[inspect.Signature, list[str]]:
    """``fn``'s signature, and its parameters as stub text (``*`` and ``/`` markers kept)."""
    signature = inspect.signature(fn)
    return signature, emit.parameters(signature, getattr(fn, "__module__", "") or "")


def _decorator(target: str, direct: str, factory: str) -> FunctionRule:
    """``@deco`` on a ``target`` definition gives ``direct``; ``@deco(options)`` ``factory``.

    The texts may name ``{result}``: the IR class of the decorator (`_RESULTS`), as the
    support stub spells it. The decorated parameter is the first, plain or ``*args``.
    """

    def rule(emit: Emitter, name: str, fn: Callable[..., Any]) -> list[str]:
        spelt = {"result": emit.table.class_ref(_RESULTS[name](), "_ir.")}
        to, made, maker = (t.format(**spelt) for t in (target, direct, factory))
        signature, texts = _live(emit, fn)
        first = next(iter(signature.parameters.values()))
        rest = [t for t in texts[1:] if t != "/"]
        if first.kind is first.VAR_POSITIONAL:  # `*args`: the definition, or no argument
            options = ", ".join(["*", *rest] if rest else [])
            with_definition = ", ".join([f"*{first.name}: {to}", *rest])
            heads = [
                f"def {name}({options}) -> {maker}:",
                f"def {name}({with_definition}) -> {made}:",
            ]
        else:
            options = ", ".join([f"{first.name}: None = None", *rest])
            heads = [
                f"def {name}({first.name}: {to}, /) -> {made}:",
                f"def {name}({options}) -> {maker}:",
            ]
        return _overloaded(heads, inspect.getdoc(fn))

    return rule


def _script_view(*replacements: tuple[str, str]) -> FunctionRule:
    """The builder's own stub with its head's types replaced by what the script sees.

    Each ``(old, new)`` must be in the head: a changed builder signature fails generation.
    """

    def rule(emit: Emitter, name: str, fn: Callable[..., Any]) -> list[str]:
        head, *rest = emit.function(name, fn)
        for old, new in replacements:
            if old not in head:
                raise ValueError(f"stub rule of {name!r}: {old!r} is not in {head!r}")
            head = head.replace(old, new)
        return [head, *rest]

    return rule


def _grid(emit: Emitter, name: str, fn: Callable[..., Any]) -> list[str]:
    """``for i, j in T.grid(m, n)``: one loop variable per extent."""
    _, texts = _live(emit, fn)
    star, *options = texts  # `*extents`, then keyword-only options (`dtype=`)
    extent = star.split(": ", 1)[1]
    tail = "".join(f", {t}" for t in options)
    heads = []
    for n in range(1, MAX_GRID + 1):
        args = ", ".join(f"e{k}: {extent}" for k in range(n))
        keywords = f", *{tail}" if options else ""
        heads.append(f"def {name}({args}, /{keywords}) -> _ir.ForFrame[{_vars(n)}]:")
    heads.append(f"def {name}({star}{tail}) -> _ir.ForFrame[tuple[_ir.Var, ...]]:")
    return _overloaded(heads, inspect.getdoc(fn))


def _remap(emit: Emitter, name: str, fn: Callable[..., Any]) -> list[str]:
    """``vi, vj = T.axis.remap("SR", [i, j])``: one block axis per letter of the kinds."""
    signature, texts = _live(emit, fn)
    kinds = next(iter(signature.parameters))
    # A `for i in range(n)` loop variable is an int to a type checker, a Var to TVMScript.
    loop_vars = "Sequence[_ir.PrimExpr]"
    assert loop_vars in texts[1], texts[1]
    rest = ", ".join([texts[1].replace(loop_vars, "Sequence[_ir.PrimExpr | int]"), *texts[2:]])
    heads = []
    for n in range(1, MAX_REMAP + 1):
        literals = ", ".join(repr("".join(p)) for p in itertools.product("SR", repeat=n))
        heads.append(f"def {name}({kinds}: Literal[{literals}], {rest}) -> {_vars(n)}:")
    heads.append(f"def {name}({texts[0].split(' = ')[0]}, {rest}) -> Any:")
    return _overloaded(heads, inspect.getdoc(fn))


def _vars(n: int) -> str:
    return "_ir.Var" if n == 1 else f"tuple[{', '.join(['_ir.Var'] * n)}]"


def _prim_func_class() -> type:
    from tvmscript.core.tir.function import PrimFunc

    return PrimFunc


def _ir_module_class() -> type:
    from tvmscript.core.ir import IRModule

    return IRModule


def _relax_function_class() -> type:
    from tvmscript.core.relax.expr import Function

    return Function


_RESULTS: Final[dict[str, Callable[[], type]]] = {
    "prim_func": _prim_func_class,
    "ir_module": _ir_module_class,
    "function": _relax_function_class,
    "macro": _prim_func_class,  # not named by the macro rule: a macro keeps its signature
    "inline": _prim_func_class,
}
_DEFINITION: Final = "Callable[..., object]"
_BUILDS: Final = _decorator(_DEFINITION, "{result}", f"Callable[[{_DEFINITION}], {{result}}]")
_MODULE: Final = _decorator("type[object]", "{result}", "Callable[[type[object]], {result}]")
_MACRO: Final = _decorator(
    "Callable[_Params, _Result]", "Callable[_Params, _Result]", "_ir.MacroDecorator"
)

FUNCTION_RULES: Final[dict[tuple[str, str], FunctionRule]] = {
    ("tvmscript.tir", "prim_func"): _BUILDS,
    ("tvmscript.tir", "macro"): _MACRO,
    ("tvmscript.tir", "inline"): _MACRO,
    ("tvmscript.tir", "grid"): _grid,
    ("tvmscript.tir.axis", "remap"): _remap,
    ("tvmscript.ir", "ir_module"): _MODULE,
    ("tvmscript.relax", "function"): _BUILDS,
    ("tvmscript.relax", "macro"): _MACRO,
    # A name bound in a dataflow block is a Var to the parser, its value's type to a checker.
    ("tvmscript.relax", "output"): _script_view(("*vars: _ir.Var_", "*vars: _ir.Expr")),
    # `x = R.match_cast(v, R.Tensor(...))` binds a Var (the pair is the builder's own).
    ("tvmscript.relax", "match_cast"): _script_view(("-> _ir.MatchCastPair:", "-> _ir.Var_:")),
}
"""Rules by (namespace, name); a rule's stub may name the support types of `SUPPORT_HEADER`."""

RETURN_RULES: Final[dict[str, str]] = {"_ir.ForFrame": "_ir.ForFrame[_ir.Var]"}
"""Return annotations of the other functions, rewritten: a single loop gives one variable."""


def function_rule(module: str, name: str) -> FunctionRule | None:
    """The rule writing ``module.name``'s stub, or None for the builder's own signature."""
    return FUNCTION_RULES.get((module, name))


def rewrite_returns(lines: list[str]) -> list[str]:
    """`RETURN_RULES` applied to the head of an emitted function stub."""
    if not lines:
        return lines
    head = lines[0]
    for old, new in RETURN_RULES.items():
        head = head.replace(f"-> {old}:", f"-> {new}:")
    return [head, *lines[1:]]
