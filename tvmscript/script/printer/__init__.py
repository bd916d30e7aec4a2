"""The TVMScript printer: IR → Doc tree (`IRDocsifier`) → Python text (`doc_printer`).

`print_script` reproduces TVM 0.27's ``.script()`` text byte for byte for IRModules, PrimFuncs,
Relax functions and TIR or Relax fragments (expressions, statements and bindings print as TVM's
``str()`` of them). The Relax printers (`printer.relax`) are registered under `Token.RELAX`; the
Relax-specific differences are listed there.

Deliberate differences from TVM's text (only for IR that TVM's own text would not give back):

- ``Min``/``Max``/``Mod`` nodes that ``T.min``/``T.max``/``T.truncmod`` would fold when parsed
  back (constant operands: ``Min(0, 3)``) print as the node constructors ``T.Min(0, 3)``,
  ``T.Max``, ``T.Mod`` (which TVM's namespace also has), where TVM prints ``T.min(0, 3)``.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Mapping
from typing import Any

from tvmscript.core.ir.module import IRModule
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.expr import Function as RelaxFunction
from tvmscript.core.relax.struct_info import StructInfo
from tvmscript.core.tir.function import PrimFunc
from tvmscript.script.printer import doc as D
from tvmscript.script.printer import ir as _ir  # (registers printers)
from tvmscript.script.printer import relax as _relax  # (registers printers)
from tvmscript.script.printer import tir as _tir  # noqa: F401  (registers printers)
from tvmscript.script.printer.access_path import NULL_PATH, AccessPath
from tvmscript.script.printer.doc_printer import to_python_script
from tvmscript.script.printer.ir_docsifier import IRDocsifier, PrinterConfig
from tvmscript.script.printer.relax.binding import binding_annotation
from tvmscript.script.printer.tir.utils import TOKEN as TIR_TOKEN
from tvmscript.script.printer.tir.utils import set_common_prefix_root

__all__ = ["PrinterConfig", "annotation_text", "print_script", "show", "struct_info_text"]

_METADATA_NOTE = "Metadata omitted. Use show_meta=True in script() method to show it."


def _config(options: dict[str, Any]) -> PrinterConfig:
    cfg = PrinterConfig()
    for key, value in options.items():
        if key == "name":
            key = "func_name"
        if not hasattr(cfg, key):
            raise TypeError(f"unknown printer option '{key}'")
        setattr(cfg, key, value)
    return cfg


def _header(d: IRDocsifier) -> str:
    """The import comments and a blank line, as text (they never depend on the layout)."""
    lines = _ir.header_lines(d)
    if not lines:
        return ""
    return "".join(f"# {line}\n" for line in lines) + "\n"


def _type_vars(d: IRDocsifier) -> list[D.StmtDoc]:
    """``n = TypeVar("n")`` for the type variables of the signatures printed."""
    return [
        D.AssignDoc(D.IdDoc(n), D.IdDoc("TypeVar").call(D.LiteralDoc(n)))
        for n in _ir.type_var_names(d)
    ]


def _metadata(d: IRDocsifier) -> list[D.StmtDoc]:
    if not d.metadata:
        return []
    return [D.comment(_METADATA_NOTE)]


def print_script(obj: object, **options: Any) -> str:
    """``obj`` (IRModule, PrimFunc, TIR expression or statement) as TVMScript text.

    Options: ``show_meta``, ``verbose_expr``, ``indent_spaces``, ``func_name`` (print one
    function of a module), ``source_paths`` (record IR paths on docs: statements, and each
    expression as a whole, since expressions print straight to text), ``comments`` (a
    `CommentTable` of the source, whose comments are printed where they belong; see
    `tvmscript.script.comments`) and TVM's prefixes (``tir_prefix``, ...).
    """
    cfg = _config(options)
    if cfg.comments is not None:
        cfg.comments.reset()
    d = IRDocsifier(cfg)
    if isinstance(obj, IRModule) and cfg.func_name is not None:
        func = obj[cfg.func_name]
        cfg.binding_names.append(cfg.func_name)
        obj = func
    # Printing allocates many short-lived acyclic docs: a collection pass over the (large,
    # long-lived) IR in the middle of it only costs time.
    paused = gc.isenabled()
    gc.disable()
    try:
        if isinstance(obj, IRModule | PrimFunc | RelaxFunction):
            doc = d.as_doc(obj, _root(cfg))
            stmts = [*_type_vars(d), doc, *_metadata(d)]
            return _header(d) + to_python_script(D.StmtBlockDoc(stmts), cfg.indent_spaces)
        return _print_fragment(obj, d)
    finally:
        if paused:
            gc.enable()


def annotation_text(
    var: rx.Var, value: rx.Expr | None, global_infos: Mapping[str, Any] | None = None
) -> str | None:
    """The annotation TVM prints for the Relax binding ``var = value``; None when it prints none.

    TVM prints every binding's struct info but an ``R.call_tir``/``R.call_dps_packed``'s that
    its declared output already says. ``global_infos`` are the module's (a ``vdevice`` is
    printed as its index among them).
    """
    binding = rx.VarBinding(var, value) if value is not None else None
    d = IRDocsifier(PrinterConfig())
    if global_infos:
        d.extra["global_infos"] = global_infos
    with _relax.RelaxFrame(d) as f:
        f.add_dispatch_token(_relax.TOKEN)
        if binding is not None:
            doc = binding_annotation(binding, NULL_PATH, d)
        elif var.struct_info is not None:
            doc = d.as_doc(var.struct_info, NULL_PATH)
        else:
            doc = None
        if doc is None:
            return None
        return to_python_script(D.StmtBlockDoc([D.ExprStmtDoc(doc)]), 4).rstrip("\n")


def struct_info_text(info: StructInfo, global_infos: Mapping[str, Any] | None = None) -> str:
    """``info`` as TVM prints it in an annotation (``R.Tensor((n, 4), dtype="float32")``)."""
    d = IRDocsifier(PrinterConfig())
    if global_infos:
        d.extra["global_infos"] = global_infos
    with _relax.RelaxFrame(d) as f:
        f.add_dispatch_token(_relax.TOKEN)
        doc = d.as_doc(info, NULL_PATH)
        return to_python_script(D.StmtBlockDoc([D.ExprStmtDoc(doc)]), 4).rstrip("\n")


def _root(cfg: PrinterConfig) -> AccessPath:
    return AccessPath.root() if cfg.source_paths else NULL_PATH


def _print_fragment(obj: object, d: IRDocsifier) -> str:
    """A TIR or Relax fragment, free variables defined first (TVM's ``str()``)."""
    set_common_prefix_root(d, obj)
    relax_fragment = _relax.is_relax_fragment(obj)
    with _relax.RelaxFrame(d) if relax_fragment else d.frame(None) as f:
        f.add_dispatch_token(_relax.TOKEN if relax_fragment else TIR_TOKEN)
        doc = d.as_doc(obj, _root(d.cfg))
        if isinstance(doc, D.ExprDoc):
            if not d.cfg.verbose_expr:
                f.stmts.clear()
            f.stmts.append(D.ExprStmtDoc(doc))
        elif isinstance(doc, D.StmtBlockDoc):
            f.stmts.extend(doc.stmts)
        else:
            f.stmts.append(doc)
        stmts = [*f.stmts, *_metadata(d)]
    return to_python_script(D.StmtBlockDoc(stmts), d.cfg.indent_spaces)


def show(obj: object, **options: Any) -> None:
    """Print `print_script` output, highlighted when Pygments is importable and on a TTY."""
    text = print_script(obj, **options)
    try:
        from pygments import highlight  # type: ignore[import-untyped]
        from pygments.formatters import Terminal256Formatter  # type: ignore[import-untyped]
        from pygments.lexers import PythonLexer  # type: ignore[import-untyped]
    except ImportError:
        print(text)
        return
    if not sys.stdout.isatty():
        print(text)
        return
    print(highlight(text, PythonLexer(), Terminal256Formatter(style="monokai")), end="")
