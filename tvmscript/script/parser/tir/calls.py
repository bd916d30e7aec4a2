"""Calls from one PrimFunc to another of its module: ``Module.f(x)`` (and ``cls.f(x)``).

The callee's signature was declared before any body was parsed, so the call has the callee's
result dtype. As TVM 0.27 the call is accepted whatever its arguments; a wrong count or an
argument that does not fit its parameter is a warning (the build would fail).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.tir import arith
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import Call, PrimExpr, PrimType, Var
from tvmscript.core.tir.function import PrimFunc
from tvmscript.diagnostics import Diagnostic, DiagnosticError
from tvmscript.script.ir_builder.base import IRBuilder
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.dispatch import Token
from tvmscript.script.parser.core.operators import register_operator
from tvmscript.script.parser.imports import LegacyName

if TYPE_CHECKING:
    from tvmscript.script.parser.core.parser import Parser


def module_prim_func(gv: GlobalVar) -> PrimFunc | None:
    """The PrimFunc (built, or its declared signature) ``gv`` names in the module being built."""
    from tvmscript.script.ir_builder.ir.frames import IRModuleFrame

    if not IRBuilder.is_in_scope():
        return None
    module = IRBuilder.current().find_frame(IRModuleFrame)
    if module is None:
        return None
    found = module.functions.get(gv) or module.signatures.get(gv)
    return found if isinstance(found, PrimFunc) else None


def _declared(gv: GlobalVar) -> bool:
    """Whether ``gv`` is a function (of any dialect) of the module being built."""
    from tvmscript.script.ir_builder.ir.frames import IRModuleFrame

    if not IRBuilder.is_in_scope():
        return False
    module = IRBuilder.current().find_frame(IRModuleFrame)
    return module is not None and gv in module.functions


def result_dtype(callee: PrimFunc | None) -> str:
    """The dtype a call of ``callee`` produces (``void`` without a return type)."""
    ret = None if callee is None else callee.ret_type
    return ret.dtype if isinstance(ret, PrimType) else "void" if ret is None else "handle"


@register_operator(GlobalVar, "Call", token=Token.TIR)
def _call_module_function(
    parser: Parser, node: doc.Call, gv: GlobalVar, args: list[Any], kwargs: dict[str, Any]
) -> PrimExpr:
    if kwargs:
        raise DiagnosticError.at(
            node.span, "invalid-call", f"a call of '{gv.name_hint}' takes positional arguments only"
        )
    func = node.func
    owner = func.value if isinstance(func, doc.Attribute) else None
    if isinstance(owner, doc.Name) and owner.id == "cls":
        _warn(
            parser, owner, "cls-in-prim-func",
            f"TVM 0.27 does not bind 'cls' in a prim_func (it rejects this call); "
            f"write 'Module.{gv.name_hint}' with the module's class name",
        )  # fmt: skip
    callee = module_prim_func(gv)
    if callee is None and not _declared(gv):
        raise DiagnosticError.at(
            node.span,
            "unknown-function",
            f"'{gv.name_hint}' is not a function of this module: its result type is unknown",
        )
    values = [a if isinstance(a, Buffer) else arith.as_expr(a) for a in args]
    if callee is not None:
        _check_arguments(parser, node, gv, callee, values)
    return Call(result_dtype(callee), gv, tuple(values), span=node.span)


def _check_arguments(
    parser: Parser, node: doc.Call, gv: GlobalVar, callee: PrimFunc, args: list[Any]
) -> None:
    params = callee.params
    if len(args) != len(params):
        _warn(
            parser, node, "call-arity-mismatch",
            f"'{gv.name_hint}' takes {len(params)} argument{'s' * (len(params) != 1)}, "
            f"{len(args)} given (TVM 0.27 accepts the call; the build fails)",
        )  # fmt: skip
        return
    for i, (arg, param) in enumerate(zip(args, params, strict=True)):
        if (problem := _mismatch(arg, param, callee)) is not None:
            span = node.args[i].span if i < len(node.args) else node.span
            _warn_at(
                parser,
                span,
                "call-argument-mismatch",
                f"argument {i} of '{gv.name_hint}': {problem}",
            )


def _mismatch(arg: Any, param: Var, callee: PrimFunc) -> str | None:
    buffer = callee.buffer_map.get(param)
    if buffer is not None:
        if not isinstance(arg, Buffer):
            got = getattr(arg, "dtype", "?")
            return f"expected a buffer like {_shape(buffer)}, got a '{got}' value"
        if arg.dtype != buffer.dtype or not _same_dims(arg.shape, buffer.shape):
            return f"expected a buffer {_shape(buffer)}, got '{arg.name}' {_shape(arg)}"
        return None
    if isinstance(arg, Buffer):
        return f"expected a '{param.dtype}' value, got buffer '{arg.name}'"
    if arg.dtype != param.dtype:
        return f"expected a '{param.dtype}' value, got a '{arg.dtype}' one"
    return None


def _same_dims(a: tuple[PrimExpr, ...], b: tuple[PrimExpr, ...]) -> bool:
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if hasattr(x, "value") and hasattr(y, "value") and x.value != y.value:
            return False
    return True


def _shape(buffer: Buffer) -> str:
    dims = ", ".join(str(getattr(e, "value", getattr(e, "name", "?"))) for e in buffer.shape)
    return f"({dims}{',' if len(buffer.shape) == 1 else ''}) {buffer.dtype}"


def _warn(parser: Parser, node: doc.Node, code: str, message: str) -> None:
    _warn_at(parser, node.span, code, message)


def _warn_at(parser: Parser, span: Any, code: str, message: str) -> None:
    parser.diagnostics.append(Diagnostic.at(span, code, message, "warning"))


@register_operator(LegacyName, "Call", token=Token.TIR)
def _call_legacy_name(
    parser: Parser, node: doc.Call, func: LegacyName, args: list[Any], kwargs: dict[str, Any]
) -> Any:
    """``T.block(...)``, ``tvm.tir.const(...)``: called as their successors, with a hint."""
    if not parser.state.get("legacy_noted"):  # once per function: old code uses it throughout
        parser.state["legacy_noted"] = True
        parser.diagnostics.append(
            Diagnostic.at(node.func.span, "tvm027-spelling", func.message, "hint")
        )
    return parser.evaluator.call(node, func.target, args, kwargs)
