"""Finishing a PrimFunc: attributes, the implicit root block and inferred block regions.

This is TVM's ``PrimFuncFrame`` exit together with its ``ScriptComplete`` pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tvmscript.core.ir.node import node_fields, replace_fields
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.stmt import SBlock, SBlockRealize, Stmt
from tvmscript.script.ir_builder.tir.frames import DETECT_ACCESS_KEY, as_body
from tvmscript.script.ir_builder.tir.regions import detect_access

if TYPE_CHECKING:
    from tvmscript.script.ir_builder.tir.frames import PrimFuncFrame


def finish_prim_func(frame: PrimFuncFrame) -> PrimFunc:
    """The `PrimFunc` a finished frame describes."""
    attrs: dict[str, Any] = dict(frame.attrs)  # TVM's order: given attrs, then its own
    if frame.name and not frame.is_private:  # an explicit T.func_attr global_symbol wins
        attrs.setdefault("global_symbol", frame.name)
    body = as_body(frame.stmts)
    if frame.s_tir:
        attrs["s_tir"] = True
        if frame.has_blocks or frame.root_alloc_buffers:
            body = complete_s_tir(
                body, frame.buffer_map, frame.root_alloc_buffers, frame.detect_access
            )
    elif frame.root_alloc_buffers:
        raise ValueError("T.sblock_alloc_buffer() outside a block is only for s_tir PrimFuncs")
    return PrimFunc(
        tuple(frame.args),
        body,
        dict(frame.buffer_map),
        frame.ret_type,
        attrs,
        frame.is_private,
        span=frame.span,
    )


def complete_s_tir(
    body: Stmt,
    buffer_map: dict[E.Var, Buffer],
    root_allocs: list[Buffer],
    detect_access: bool = True,
) -> Stmt:
    """Wrap ``body`` in the root block when TVM does, then infer missing block regions."""
    buffer_vars = {buf.data: buf for buf in buffer_map.values()}
    buffer_vars.update({buf.data: buf for buf in root_allocs})
    if _needs_root(body, root_allocs):
        root = SBlock((), (), (), "root", body, None, tuple(root_allocs), (), {})
        body = SBlockRealize((), E.IntImm("bool", 1), root)
    if not detect_access:
        return body
    return _Completer(buffer_vars).stmt(body, is_root=True)


def _needs_root(body: Stmt, root_allocs: list[Buffer]) -> bool:
    if root_allocs:
        return True
    if isinstance(body, SBlockRealize):
        return bool(body.block.iter_vars)
    return _contains_realize(body)


def _contains_realize(s: object) -> bool:
    if isinstance(s, SBlockRealize):
        return True
    if isinstance(s, tuple):
        return any(_contains_realize(x) for x in s)
    if not isinstance(s, Stmt):
        return False
    return any(_contains_realize(getattr(s, name)) for name, _ in node_fields(type(s)))


class _Completer:
    """Fills in the regions of blocks that were built without ``T.reads``/``T.writes``."""

    def __init__(self, buffer_vars: dict[E.Var, Buffer]) -> None:
        self.buffer_vars = buffer_vars

    def stmt(self, s: Stmt, is_root: bool = False) -> Stmt:
        if isinstance(s, SBlock):
            return self.block(s, is_root)
        changes: dict[str, object] = {}
        for name, _ in node_fields(type(s)):
            value = getattr(s, name)
            new = self.value(value, is_root and isinstance(s, SBlockRealize))
            if new is not value:
                changes[name] = new
        return replace_fields(s, **changes) if changes else s

    def value(self, value: object, is_root: bool) -> object:
        if isinstance(value, Stmt):
            return self.stmt(value, is_root)
        if isinstance(value, tuple) and value and isinstance(value[0], Stmt):
            new = tuple(self.stmt(v) for v in value)
            return value if all(a is b for a, b in zip(new, value, strict=True)) else new
        return value

    def block(self, block: SBlock, is_root: bool) -> SBlock:
        scoped = [buf.data for buf in block.alloc_buffers]
        scoped += [m.buffer.data for m in block.match_buffers]
        for buf in block.alloc_buffers:
            self.buffer_vars[buf.data] = buf
        for match in block.match_buffers:
            self.buffer_vars[match.buffer.data] = match.buffer
        init = self.stmt(block.init) if block.init is not None else None
        body = self.stmt(block.body)
        for var in scoped:
            self.buffer_vars.pop(var, None)
        if init is not block.init or body is not block.body:
            block = replace_fields(block, init=init, body=body)
        mark = block.annotations.get(DETECT_ACCESS_KEY)
        if mark is None:
            return block
        mask = mark.value if isinstance(mark, E.IntImm) else int(mark)
        annotations = {k: v for k, v in block.annotations.items() if k != DETECT_ACCESS_KEY}
        reads, writes, opaques = detect_access(block, self.buffer_vars)
        if opaques:
            raise ValueError(
                "cannot infer the access region of a block that uses a buffer's data pointer "
                f"directly (block '{block.name_hint}'): write T.reads/T.writes"
            )
        changes: dict[str, object] = {"annotations": annotations}
        if not is_root and mask & 1:
            changes["reads"] = tuple(reads)
        if not is_root and mask & 2:
            changes["writes"] = tuple(writes)
        return replace_fields(block, **changes)  # type: ignore[no-any-return]
