from __future__ import annotations

from collections.abc import Callable

import pytest

from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.buffer import Buffer, BufferRegion
from tvmscript.core.tir.function import PrimFunc
from tvmscript.script.ir_builder import IRBuilder
from tvmscript.script.ir_builder import tir as T
from tvmscript.script.ir_builder.base import BuilderError

Body = Callable[[Buffer, Buffer], None]


def _build(body: Body, s_tir: bool = True) -> PrimFunc:
    with IRBuilder() as b, T.prim_func(s_tir=s_tir):
        T.func_name("main")
        a = T.arg("A", T.Buffer((4, 8), "float32"))
        c = T.arg("B", T.Buffer((4,), "float32"))
        body(a, c)
    func = b.get()
    assert isinstance(func, PrimFunc)
    return func


def _region(r: BufferRegion) -> tuple[str, list[tuple[str, str]]]:
    def show(e: E.PrimExpr) -> str:
        return str(e.value) if isinstance(e, E.IntImm) else type(e).__name__

    return r.buffer.name, [(show(x.min), show(x.extent)) for x in r.region]


def _find_block(s: S.Stmt, name: str) -> S.SBlock:
    if isinstance(s, S.SBlockRealize):
        if s.block.name_hint == name:
            return s.block
        return _find_block(s.block.body, name)
    if isinstance(s, S.SeqStmt):
        for x in s.seq:
            try:
                return _find_block(x, name)
            except LookupError:
                continue
    if isinstance(s, S.For):
        return _find_block(s.body, name)
    raise LookupError(name)


def _reduce(a: Buffer, c: Buffer) -> None:
    with T.grid(4, 8) as (i, j), T.sblock("b"):
        vi, vj = T.axis.remap("SR", [i, j])
        with T.init():
            T.buffer_store(c, T.float32(0), [vi])
        T.buffer_store(c, c[vi] + a[vi, vj], [vi])


def test_s_tir_body_with_blocks_gets_root_block() -> None:
    func = _build(_reduce)
    assert isinstance(func.body, S.SBlockRealize)
    root = func.body.block
    assert (root.name_hint, root.reads, root.writes) == ("root", (), ())


def test_remap_axes_take_loop_domains_and_kinds() -> None:
    block = _find_block(_build(_reduce).body, "b")
    kinds = [iv.iter_type for iv in block.iter_vars]
    assert kinds == [E.IterType.DATA_PAR, E.IterType.COMM_REDUCE]
    assert [int(iv.dom.extent) for iv in block.iter_vars] == [4, 8]  # type: ignore[union-attr, call-overload]


def test_inferred_regions_exclude_written_buffer_when_init() -> None:
    block = _find_block(_build(_reduce).body, "b")
    assert [r.buffer.name for r in block.reads] == ["A"]
    assert [r.buffer.name for r in block.writes] == ["B"]
    assert block.init is not None
    assert "tirx.script_parsing_detect_access" not in block.annotations


def test_inferred_regions_relax_inner_loops() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        with T.serial(4) as i, T.sblock("x"):
            vi = T.axis.spatial(4, i)
            with T.serial(8) as k:
                T.buffer_store(c, c[vi] + a[vi, k] + a[vi, k + 1] * a[vi, 0], [vi])

    block = _find_block(_build(body).body, "x")
    assert [_region(r) for r in block.reads] == [
        ("B", [("Var", "1")]),
        ("A", [("Var", "1"), ("0", "9")]),
    ]


def test_inferred_regions_unite_constant_points() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        with T.sblock("x"):
            T.buffer_store(c, c[1] + a[2, 3] + a[0, 0], [0])
        with T.sblock("y"):  # a lone top-level block without axes would be the root
            T.evaluate(0)

    block = _find_block(_build(body).body, "x")
    assert [_region(r) for r in block.reads] == [
        ("B", [("1", "1")]),
        ("A", [("0", "3"), ("0", "4")]),
    ]
    assert [_region(r) for r in block.writes] == [("B", [("0", "1")])]


def test_explicit_reads_are_kept_and_writes_inferred() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        with T.serial(4) as i, T.sblock("x"):
            vi = T.axis.spatial(4, i)
            T.reads(a[vi, 0])
            T.buffer_store(c, c[vi] + a[vi, 0], [vi])

    block = _find_block(_build(body).body, "x")
    assert [r.buffer.name for r in block.reads] == ["A"]
    assert [r.buffer.name for r in block.writes] == ["B"]


def test_without_s_tir_blocks_keep_detect_annotation() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        with T.sblock("x"):
            T.evaluate(0)

    func = _build(body, s_tir=False)
    assert isinstance(func.body, S.SBlockRealize)
    block = func.body.block
    assert block.name_hint == "x"
    mark = block.annotations["tirx.script_parsing_detect_access"]
    assert isinstance(mark, E.IntImm)
    assert (mark.dtype, mark.value) == ("int64", 3)


def test_s_tir_without_blocks_has_no_root() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        with T.serial(4) as i:
            T.buffer_store(c, a[i, 0], [i])

    assert isinstance(_build(body).body, S.For)


def test_root_alloc_buffer_goes_to_root_block() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        T.sblock_alloc_buffer((4,))

    func = _build(body)
    assert isinstance(func.body, S.SBlockRealize)
    assert len(func.body.block.alloc_buffers) == 1


def test_root_alloc_buffer_needs_s_tir() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        T.sblock_alloc_buffer((4,))

    with pytest.raises(ValueError, match="s_tir"):
        _build(body, s_tir=False)


def test_opaque_access_cannot_be_inferred() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        with T.sblock("x"), T.sblock("y"):
            T.evaluate(T.call_extern("int32", "f", c.data))

    with pytest.raises(ValueError, match="data pointer"):
        _build(body)


def test_where_and_block_attr() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        with T.serial(4) as i, T.sblock("x"):
            T.axis.spatial(4, i)
            T.where(i < 3)
            T.reads()
            T.writes()
            T.sblock_attr({"k": 1})
            T.evaluate(0)

    realize = func_body = _build(body).body
    assert isinstance(func_body, S.SBlockRealize)
    realize = _find_realize(func_body.block.body)
    assert isinstance(realize.predicate, E.LT)
    assert realize.block.annotations == {"k": 1}


def _find_realize(s: S.Stmt) -> S.SBlockRealize:
    while isinstance(s, S.For):
        s = s.body
    assert isinstance(s, S.SBlockRealize)
    return s


def test_match_buffer_in_block_uses_region() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        with T.serial(1) as i, T.sblock("x"):
            T.axis.spatial(1, i)
            sub = T.match_buffer(a[1, 0:4], (4,))
            T.buffer_store(sub, 0.0, [0])

    block = _find_block(_build(body).body, "x")
    [match] = block.match_buffers
    assert match.source.buffer.name == "A"
    assert [_region(r) for r in block.writes] == [("A", [("1", "1"), ("0", "4")])]


def test_axis_outside_block_is_an_error() -> None:
    with IRBuilder(), T.prim_func(), pytest.raises(BuilderError, match=r"T\.sblock"):
        T.axis.spatial(4, 0)


def test_lone_top_level_block_without_axes_is_the_root() -> None:
    def body(a: Buffer, c: Buffer) -> None:
        with T.sblock("x"):
            T.buffer_store(c, a[0, 0], [0])

    func = _build(body)
    assert isinstance(func.body, S.SBlockRealize)
    block = func.body.block
    assert (block.name_hint, block.reads, block.writes) == ("x", (), ())
    assert block.annotations == {}
