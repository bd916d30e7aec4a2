"""The mypy plugin for TVMScript files: ``plugins = ["tvmscript_stubs.mypy"]``.

With the stubs of this distribution it makes mypy read TVMScript as TVM does:

- call-form annotations (``A: T.Buffer((8,), "float32")``, ``x: R.Tensor(...)``), local
  dtype annotations (``x: T.let[T.int32] = ...``), missing ``-> None`` of prim_funcs and the
  ``self``-less functions of ``@I.ir_module`` classes, by a rewrite of the parsed tree
  (`tvmscript_stubs._mypy_tree`, from ``get_additional_deps``, the only hook before semantic
  analysis);
- a name of T or R in an annotation means what it builds (``T.Buffer`` -> ``Buffer``,
  ``R.Tensor`` -> a Relax expression), also in the subscript form ``T.Buffer[(8,), "float32"]``
  (``get_type_analyze_hook``);
- ``T.axis.remap("SSR", ...)`` returns one block axis per letter and ``T.grid(...)`` one loop
  variable per extent, at any arity (``get_function_hook``; the stubs' overloads stop at 5 and 8);
- ``for i in range(n)`` in a TVMScript function is ``T.serial(n)``: ``n`` may be a PrimExpr and
  ``i`` is a loop variable (``get_function_signature_hook`` on ``range``).

What no hook reaches is listed in the README of the stubs; ``tvmscript lint --mypy`` drops it.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

from mypy.nodes import (
    ARG_OPT,
    ARG_POS,
    FuncDef,
    MypyFile,
    OverloadedFuncDef,
    StrExpr,
    SymbolNode,
    TypeInfo,
    Var,
)
from mypy.options import Options
from mypy.plugin import (
    AnalyzeTypeContext,
    FunctionContext,
    FunctionSigContext,
    Plugin,
    ReportConfigContext,
)
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    Overloaded,
    TupleType,
    Type,
    TypeOfAny,
    UnionType,
    get_proper_type,
)

from tvmscript_stubs import __version__
from tvmscript_stubs._mypy_tree import FileFacts, rewrite_file

_SUPPORT = "tvmscript._ir"
_MAX_GRID = 8  # the stubs' overloads of T.grid (tvmscript.stubgen.rules.MAX_GRID)
_PLUGIN_HASH = hashlib.sha256(
    b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
).hexdigest()[:16]
_NAMESPACES = ("tvmscript.tir.", "tvmscript.relax.", "tvmscript.ir.")


class TVMScriptPlugin(Plugin):
    """TVMScript's annotations, decorators and unpacking helpers, for mypy."""

    def __init__(self, options: Options) -> None:
        super().__init__(options)
        self.facts: dict[str, FileFacts] = {}

    def report_config_data(self, ctx: ReportConfigContext) -> object:
        # A changed plugin (or stub) invalidates the cache: its rewrite made the cached errors.
        return {"tvmscript_stubs": __version__, "source": _PLUGIN_HASH}

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        if file.is_stub or not file.defs:
            return []
        facts = rewrite_file(file, _read(file.path))
        if facts is not None:
            self.facts[file.path] = facts
        return []

    def get_type_analyze_hook(self, fullname: str) -> Callable[[AnalyzeTypeContext], Type] | None:
        if fullname.startswith(_NAMESPACES):
            return functools.partial(self._script_annotation, fullname)
        return None

    def _script_annotation(self, fullname: str, ctx: AnalyzeTypeContext) -> Type:
        """A T/R name as an annotation: what it builds (a function's return type, a class)."""
        sym = self.lookup_fully_qualified(fullname)
        return _annotation_type(sym.node if sym is not None else None, ctx)

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        if fullname == "tvmscript.tir.axis.remap":
            return _remap
        if fullname == "tvmscript.tir.grid":
            return _grid
        return None

    def get_function_signature_hook(
        self, fullname: str
    ) -> Callable[[FunctionSigContext], CallableType] | None:
        if fullname == "builtins.range":
            return self._range
        return None

    def _range(self, ctx: FunctionSigContext) -> CallableType:
        facts = self.facts.get(ctx.api.path)
        where = (ctx.context.line, ctx.context.column)
        if facts is None or where not in facts.range_calls:
            return ctx.default_signature
        bound = UnionType(
            [ctx.api.named_generic_type(f"{_SUPPORT}.PrimExpr", []), _builtin(ctx, "int")]
        )
        optional = UnionType([bound, _builtin(ctx, "None")])
        frame = ctx.api.named_generic_type(f"{_SUPPORT}.ForFrame", [_var(ctx)])
        return ctx.default_signature.copy_modified(
            arg_types=[bound, optional, optional],
            arg_kinds=[ARG_POS, ARG_OPT, ARG_OPT],
            arg_names=["start", "stop", "step"],
            ret_type=frame,
            variables=[],
        )


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _builtin(ctx: FunctionSigContext | FunctionContext, name: str) -> Type:
    if name == "None":
        from mypy.types import NoneType

        return NoneType()
    return ctx.api.named_generic_type(f"builtins.{name}", [])


def _var(ctx: FunctionSigContext | FunctionContext) -> Type:
    return ctx.api.named_generic_type(f"{_SUPPORT}.Var", [])


def _vars(ctx: FunctionContext, n: int) -> Type:
    if n == 1:
        return _var(ctx)
    fallback = ctx.api.named_generic_type("builtins.tuple", [_var(ctx)])
    return TupleType([_var(ctx)] * n, fallback)


def _remap(ctx: FunctionContext) -> Type:
    """``T.axis.remap("SSR", ...)``: three block axes."""
    kinds = ctx.args[0] if ctx.args else []
    if len(kinds) != 1 or not isinstance(kinds[0], StrExpr) or not kinds[0].value:
        return ctx.default_return_type
    return _vars(ctx, len(kinds[0].value))


def _grid(ctx: FunctionContext) -> Type:
    """``T.grid(a, b, c)``: a loop frame giving three variables."""
    extents = ctx.args[0] if ctx.args else []
    kinds = ctx.arg_kinds[0] if ctx.arg_kinds else []
    if len(extents) <= _MAX_GRID or any(k != ARG_POS for k in kinds):  # the overloads say it
        return ctx.default_return_type
    return ctx.api.named_generic_type(f"{_SUPPORT}.ForFrame", [_vars(ctx, len(extents))])


def _annotation_type(node: SymbolNode | None, ctx: AnalyzeTypeContext) -> Type:
    if isinstance(node, TypeInfo):
        return Instance(node, [AnyType(TypeOfAny.special_form)] * len(node.defn.type_vars))
    if isinstance(node, FuncDef | OverloadedFuncDef):
        return _built(ctx, node)
    if isinstance(node, Var) and ctx.type.args:  # `T.let[T.int32]`: the annotated dtype
        return ctx.api.analyze_type(ctx.type.args[0])
    if isinstance(node, Var):
        return ctx.api.named_type(f"{_SUPPORT}.PrimExpr", [])
    return AnyType(TypeOfAny.from_error)


def _built(ctx: AnalyzeTypeContext, node: FuncDef | OverloadedFuncDef) -> Type:
    typ = get_proper_type(node.type)
    if isinstance(typ, Overloaded):
        typ = typ.items[0]
    if not isinstance(typ, CallableType):
        return AnyType(TypeOfAny.special_form)
    ret = get_proper_type(typ.ret_type)
    # A struct info (`R.Tensor(...)`) annotates a Relax value, not a struct info.
    if isinstance(ret, Instance) and ret.type.has_base(f"{_SUPPORT}.StructInfo"):
        return ctx.api.named_type(f"{_SUPPORT}.Expr", [])
    return typ.ret_type


def plugin(version: str) -> type[Plugin]:
    """Mypy's entry point."""
    del version
    return TVMScriptPlugin
