"""The lowered TIR and LLVM IR of a document's definitions (``showLoweredTIR``, ``showLLVM``).

A definition's IR is found as ``tvmscript.showIR`` finds it (the document's analysis, else a
parse of its own text). A module with Relax functions is legalized first
(`tvmscript.transform.legalize`): its operators become PrimFuncs, which are what is lowered.
A function name picks one PrimFunc, or a Relax function: then the PrimFuncs it calls (directly
or through other Relax functions). Nothing is run: lowering and writing LLVM IR are pure.

Whatever cannot be shown (errors in the definition, a GPU kernel for the CPU, an operator
with no CPU meaning, a target that is not a CPU) raises `ShowIRError` with the message the
user sees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import tvmscript
from tvmscript.diagnostics import debug_enabled
from tvmscript.script.outline import Outline, TopLevel, outline
from tvmscript_server.definitions import analysed_ir
from tvmscript_server.show_ir import ShowIRError

if TYPE_CHECKING:
    from collections.abc import Callable

    from tvmscript.analysis import Analysis
    from tvmscript.codegen.llvm import CodegenError
    from tvmscript.core.ir.module import GlobalVar, IRModule
    from tvmscript.core.ir.span import Span
    from tvmscript.transform import LegalizeError

SHOW_LOWERED_TIR: Final = "tvmscript.showLoweredTIR"
SHOW_LLVM: Final = "tvmscript.showLLVM"
DEFAULT_TARGET: Final = "llvm"
_VERBS: Final = {SHOW_LOWERED_TIR: "lower", SHOW_LLVM: "compile"}


def show_lowered_tir(text: str, name: str | None = None, analysis: Analysis | None = None) -> str:
    """The lowered TIR of every definition of ``text``, or of the one named ``name``.

    ``name`` is a definition's name or the name of a function of an ``@I.ir_module`` class
    (a Relax one shows the PrimFuncs it calls); ``analysis`` is the document's.
    """
    return _show(SHOW_LOWERED_TIR, text, name, analysis, _lowered_text)


def show_llvm(
    text: str,
    name: str | None = None,
    analysis: Analysis | None = None,
    target: object = DEFAULT_TARGET,
) -> str:
    """The LLVM IR (unoptimised) generated for ``target`` from ``text``'s definitions.

    ``name`` and ``analysis`` as `show_lowered_tir`; ``target`` is a target string (``"llvm
    -mcpu=skylake"``), dict or `tvmscript.core.ir.target.Target`.
    """
    return _show(SHOW_LLVM, text, name, analysis, lambda module: _llvm_text(module, target))


def _show(
    command: str,
    text: str,
    name: str | None,
    analysis: Analysis | None,
    render: Callable[[IRModule], str],
) -> str:
    doc = outline(text)
    results = analysis.results if analysis is not None else {}
    if not doc.definitions:
        raise ShowIRError(f"{command}: the document has no TVMScript definition")
    selected = _selected(command, doc, name)
    return "\n".join(
        _guarded(command, render, doc, definition, function, results)
        for definition, function in selected
    )


def _selected(command: str, doc: Outline, name: str | None) -> list[tuple[TopLevel, str | None]]:
    """The definitions to show, each with the one function of it to show (None: all)."""
    if name is None:
        return [(d, None) for d in doc.definitions]
    for definition in doc.definitions:
        if definition.symbol.name == name:
            return [(definition, None)]
        if any(method.name == name for method in definition.methods):
            return [(definition, name)]
    raise ShowIRError(f"{command}: no TVMScript definition or function named '{name}'")


def _guarded(
    command: str,
    render: Callable[[IRModule], str],
    doc: Outline,
    definition: TopLevel,
    function: str | None,
    results: dict[str, Any],
) -> str:
    """``render`` of the PrimFuncs of one definition; every failure a `ShowIRError`."""
    from tvmscript.codegen.llvm import CodegenError
    from tvmscript.transform import LegalizeError

    what = function or definition.symbol.name
    offset = 0
    try:
        ir, offset = _definition_ir(command, doc, definition, results)
        return render(_prim_funcs(command, ir, definition.symbol.name, function))
    except ShowIRError:
        raise
    except (CodegenError, LegalizeError) as exc:
        detail = _located(_message(exc), exc.span, offset)
        raise ShowIRError(f"{command}: cannot {_VERBS[command]} '{what}' ({detail})") from None
    except Exception as exc:  # a bug of ours: said, never a traceback in front of the user
        if debug_enabled():
            raise
        message = f"internal error, please report: {type(exc).__name__}: {exc}"
        raise ShowIRError(f"{command}: cannot {_VERBS[command]} '{what}' ({message})") from None


def _message(exc: CodegenError | LegalizeError) -> str:
    """The error's own message, without the location its ``str()`` has."""
    from tvmscript.transform import LegalizeError

    if isinstance(exc, LegalizeError):
        return f"cannot legalize '{exc.op_name}': {exc.reason}"
    return exc.message


def _located(message: str, span: Span | None, offset: int) -> str:
    if span is None:
        return message
    return f"line {span.line + offset}: {message}"


def _definition_ir(
    command: str, doc: Outline, definition: TopLevel, results: dict[str, Any]
) -> tuple[Any, int]:
    """The IR of ``definition``, and what to add to its spans' lines to make document lines."""
    ir = analysed_ir(doc, definition, results)
    if ir is not None:
        return ir, 0  # the analysis's spans are the document's
    prelude = doc.prelude_before(definition.start)
    return _parsed(command, doc, definition, prelude), definition.start - prelude.count("\n")


def _parsed(command: str, doc: Outline, definition: TopLevel, prelude: str) -> Any:
    """The IR of ``definition`` parsed from its own text; `ShowIRError` naming its first error."""
    try:
        return tvmscript.from_source(prelude + definition.text(doc.lines))
    except tvmscript.DiagnosticError as exc:
        detail = ""
        if exc.diagnostics:
            first = exc.diagnostics[0]
            line = definition.start + first.line - prelude.count("\n")
            detail = f" (line {line}: {first.message})"
        name = definition.symbol.name
        raise ShowIRError(f"{command}: '{name}' has errors{detail}") from None


def _prim_funcs(command: str, ir: Any, name: str, function: str | None) -> IRModule:
    """The module of PrimFuncs to show: legalized first when ``ir`` has Relax functions."""
    from tvmscript.core.ir.module import GlobalVar, IRModule
    from tvmscript.core.relax import expr as rx
    from tvmscript.core.tir.function import PrimFunc
    from tvmscript.transform import legalize

    if isinstance(ir, PrimFunc):
        return IRModule({GlobalVar(str(ir.attrs.get("global_symbol", name))): ir})
    if isinstance(ir, rx.Function):
        ir = IRModule({GlobalVar(str(ir.attrs.get("global_symbol", name))): ir})
    if not isinstance(ir, IRModule):
        raise ShowIRError(f"{command}: '{name}' is not a module or a function")
    if function is not None and function not in ir:
        raise ShowIRError(f"{command}: no function named '{function}'")
    if any(isinstance(f, rx.Function) for f in ir.functions.values()):
        ir = legalize(ir)
    prims = {gv: f for gv, f in ir.functions.items() if isinstance(f, PrimFunc)}
    if function is not None and isinstance(ir[function], rx.Function):
        wanted = {gv.name_hint for gv in _called_prim_funcs(ir, function)}
        prims = {gv: f for gv, f in prims.items() if gv.name_hint in wanted}
    elif function is not None:
        prims = {gv: f for gv, f in prims.items() if gv.name_hint == function}
    if not prims:
        shown = function or name
        raise ShowIRError(f"{command}: '{shown}' has no PrimFunc to lower (after legalization)")
    return IRModule(prims)


def _called_prim_funcs(mod: IRModule, name: str) -> list[GlobalVar]:
    """The PrimFuncs the Relax function ``name`` calls, directly or through Relax functions."""
    from tvmscript.core.ir.module import GlobalVar
    from tvmscript.core.relax import expr as rx
    from tvmscript.core.tir.function import PrimFunc
    from tvmscript.runtime.vm.lower import walk_nodes

    seen = {name}
    found: list[GlobalVar] = []
    todo = [mod[name]]
    while todo:
        for node in walk_nodes(todo.pop()):
            if (
                not isinstance(node, GlobalVar)
                or node.name_hint in seen
                or node.name_hint not in mod
            ):
                continue
            seen.add(node.name_hint)
            callee = mod[node.name_hint]
            if isinstance(callee, PrimFunc):
                found.append(node)
            elif isinstance(callee, rx.Function):
                todo.append(callee)
    return found


def _lowered_text(module: IRModule) -> str:
    """The lowered PrimFuncs printed as a module (one function: that function alone)."""
    from tvmscript.codegen.llvm import lower_func
    from tvmscript.core.ir.module import IRModule
    from tvmscript.core.tir.function import PrimFunc

    lowered = {gv: lower_func(f) for gv, f in module.functions.items() if isinstance(f, PrimFunc)}
    printed = IRModule(lowered)
    if len(lowered) == 1:
        [gv] = lowered
        one: str = printed.script(func_name=gv.name_hint)
        return one
    text: str = printed.script()
    return text


def _llvm_text(module: IRModule, target: object) -> str:
    """The unoptimised LLVM module of ``module``'s PrimFuncs, for ``target``."""
    from tvmscript.codegen.llvm import llvm_ir_text

    return llvm_ir_text(module, None, target)
