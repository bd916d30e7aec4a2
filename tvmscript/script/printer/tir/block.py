"""Printer of schedulable blocks: ``with T.sblock("name"):`` with axes, regions, init, body."""

from __future__ import annotations

from typing import Final

from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import IntImm, IterType, PrimExpr, Var
from tvmscript.core.tir.stmt import For, SBlock, SBlockRealize
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.expr_text import escape_string, expr_text
from tvmscript.script.printer.ir_docsifier import Frame, IRDocsifier, register
from tvmscript.script.printer.tir.buffer import VarDef, buffer_decl
from tvmscript.script.printer.tir.text import arg_text, tir_call_doc
from tvmscript.script.printer.tir.utils import as_doc_body, define_buffer, define_var, tir
from tvmscript.script.tokens import Token

_AXIS_KINDS: Final = {
    IterType.DATA_PAR: "spatial",
    IterType.COMM_REDUCE: "reduce",
    IterType.ORDERED: "scan",
    IterType.OPAQUE: "opaque",
}


def _expr_equal(a: PrimExpr, b: PrimExpr) -> bool:
    if a is b:
        return True
    if isinstance(a, IntImm) and isinstance(b, IntImm):
        return a.value == b.value and a.dtype == b.dtype
    return False


def _enclosing_loops(d: IRDocsifier) -> dict[int, For]:
    loops: dict[int, For] = {}
    for f in d.frames:
        node: object = f.node
        if not isinstance(node, For):
            continue
        while isinstance(node, For):
            loops[id(node.loop_var)] = node
            node = node.body
    return loops


class _Axes:
    """Prints a block's axes, grouping consecutive remappable ones into ``T.axis.remap``."""

    def __init__(self, block: SBlock, realize: SBlockRealize | None, p: AccessPath,
                 frame: Frame, d: IRDocsifier) -> None:  # fmt: skip
        self.block, self.realize, self.p, self.frame, self.d = block, realize, p, frame, d
        self.pending: list[int] = []
        self.loops = _enclosing_loops(d) if realize is not None else {}

    def remappable(self, i: int) -> bool:
        if self.realize is None or not self.d.cfg.syntax_sugar:
            return False
        iv = self.block.iter_vars[i]
        value = self.realize.iter_values[i]
        if iv.iter_type not in (IterType.DATA_PAR, IterType.COMM_REDUCE):
            return False
        if not isinstance(value, Var) or (loop := self.loops.get(id(value))) is None:
            return False
        assert iv.dom is not None
        return _expr_equal(loop.min, iv.dom.min) and _expr_equal(loop.extent, iv.dom.extent)

    def single(self, i: int) -> None:
        d = self.d
        iv = self.block.iter_vars[i]
        iv_p = self.p.attr("iter_vars").index(i)
        assert iv.dom is not None
        dom_p = iv_p.attr("dom")
        if isinstance(iv.dom.min, IntImm) and iv.dom.min.value == 0:
            dom: D.ExprDoc = d.as_doc(iv.dom.extent, dom_p.attr("extent"))
        else:
            lo = d.as_doc(iv.dom.min, dom_p.attr("min"))
            hi = d.as_doc(arith.add(iv.dom.min, iv.dom.extent), dom_p.attr("extent"))
            dom = D.TupleDoc([lo, hi])
        args = [expr_text(dom)]
        if self.realize is not None:
            args.append(arg_text(self.realize.iter_values[i], d))
        call = tir_call_doc(d, "axis." + _AXIS_KINDS[iv.iter_type], args)
        self.frame.stmts.append(D.AssignDoc(define_var(iv.var, self.frame, d), call))

    def flush(self) -> None:
        if not self.pending:
            return
        if len(self.pending) == 1:
            self.single(self.pending[0])
            self.pending.clear()
            return
        assert self.realize is not None
        d, lhs, values, kinds = self.d, [], [], []
        for i in self.pending:
            iv = self.block.iter_vars[i]
            lhs.append(define_var(iv.var, self.frame, d))
            values.append(arg_text(self.realize.iter_values[i], d))
            kinds.append("S" if iv.iter_type is IterType.DATA_PAR else "R")
        args = ['"' + "".join(kinds) + '"', "[" + ", ".join(values) + "]"]
        rhs = tir_call_doc(d, "axis.remap", args)
        self.frame.stmts.append(D.AssignDoc(D.TupleDoc(lhs), rhs))
        self.pending.clear()

    def print_all(self) -> None:
        for i in range(len(self.block.iter_vars)):
            if self.remappable(i):
                self.pending.append(i)
                continue
            self.flush()
            self.single(i)
        self.flush()


def _print_block(
    block: SBlock, p: AccessPath, realize: SBlockRealize | None, rp: AccessPath, d: IRDocsifier
) -> D.StmtDoc:
    """``with T.sblock(name):`` and everything the block declares."""
    with d.frame(block) as f:
        # Step 1. Axes and their bindings.
        _Axes(block, realize, p, f, d).print_all()
        # Step 2. Predicate.
        if realize is not None:
            pred = realize.predicate
            if not (isinstance(pred, IntImm) and pred.value == 1):
                f.stmts.append(D.ExprStmtDoc(tir_call_doc(d, "where", [arg_text(pred, d)])))
        # Step 3. Read and write regions.
        reads = [arg_text(r, d) for r in block.reads]
        f.stmts.append(D.ExprStmtDoc(tir_call_doc(d, "reads", reads)))
        writes = [arg_text(w, d) for w in block.writes]
        f.stmts.append(D.ExprStmtDoc(tir_call_doc(d, "writes", writes)))
        # Step 4. Annotations.
        if block.annotations:
            ann = d.as_doc(block.annotations, p.attr("annotations"))
            f.stmts.append(D.ExprStmtDoc(tir(d, "sblock_attr").call(ann)))
        # Step 5. Allocated buffers.
        for i, buf in enumerate(block.alloc_buffers):
            buf_p = p.attr("alloc_buffers").index(i)
            lhs = define_buffer(buf, f, d)
            rhs = buffer_decl(buf, "sblock_alloc_buffer", (), buf_p, f, d, VarDef.DATA_POINTER)
            f.stmts.append(D.AssignDoc(lhs, rhs))
        # Step 6. Matched buffers.
        for i, m in enumerate(block.match_buffers):
            f.stmts.append(d.as_doc(m, p.attr("match_buffers").index(i)))
        # Step 7. Init.
        if block.init is not None:
            with d.frame(block.init) as g:
                as_doc_body(block.init, p.attr("init"), g, d)
            f.stmts.append(D.ScopeDoc(None, tir(d, "init").call(), g.stmts))
        # Step 8. Body.
        as_doc_body(block.body, p.attr("body"), f, d)
    kwargs = [] if realize is not None else [("no_realize", "True")]
    head = tir_call_doc(d, "sblock", [escape_string(block.name_hint)], kwargs)
    return D.ScopeDoc(None, head, f.stmts)


@register(Token.DEFAULT, SBlockRealize)
def _print_block_realize(realize: SBlockRealize, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    return _print_block(realize.block, p.attr("block"), realize, p, d)


@register(Token.DEFAULT, SBlock)
def _print_sblock(block: SBlock, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    return _print_block(block, p, None, p, d)
