"""TIR statements to LLVM: loops, buffers, allocations, assertions and parallel loops.

A parallel loop is outlined: its body becomes a function of ``(task, num_tasks, closure)``
that runs one static chunk of the iterations, launched on the runtime's thread pool; the
values it uses are passed in a closure struct on the caller's stack and handed to an inner
function as parameters (``noalias`` when the kernel says buffers do not alias).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from tvmscript.codegen.llvm import ir_text as T
from tvmscript.codegen.llvm.calls import CallLowering
from tvmscript.codegen.llvm.exprs import lanes
from tvmscript.codegen.llvm.ir_text import Block, FunctionBuilder, Value
from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.op import Op
from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.affine import same_expr
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.transform.functor import children, walk
from tvmscript.core.tir.transform.simplify import Analyzer

STACK_LIMIT: Final = 32 * 1024  # bytes: constant-size buffers up to this live on the stack
HEAP_ALIGN: Final = 64
_GPU_SCOPES: Final = ("shared", "shared.dyn", "warp", "wmma", "texture", "global.texture")


@dataclass
class ModuleState:
    """What the functions of one LLVM module share: declarations, strings, outlined bodies."""

    decls: set[str] = field(default_factory=set)
    globals: list[str] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)
    strings: dict[str, str] = field(default_factory=dict)
    counter: int = 0
    vector_stores: dict[int, bool] = field(default_factory=dict)
    keep: list[S.Stmt] = field(default_factory=list)  # the keys of `vector_stores` stay alive
    metadata: list[str] = field(
        default_factory=lambda: ["!0 = !{i32 1}", '!1 = !{!"llvm.loop.unroll.disable"}']
    )
    nontemporal: bool = True

    def string(self, text: str) -> Value:
        if (name := self.strings.get(text)) is None:
            data = text.encode() + b"\0"
            escaped = "".join(
                chr(b) if 32 <= b < 127 and b not in (34, 92) else f"\\{b:02X}" for b in data
            )
            name = f"@.str.{len(self.strings)}"
            self.globals.append(
                f'{name} = private unnamed_addr constant [{len(data)} x i8] c"{escaped}"'
            )
            self.strings[text] = name
        return Value("ptr", name)

    def has_vector_store(self, s: S.Stmt) -> bool:
        """Whether ``s`` stores a vector anywhere (memoised: loops nest)."""
        key = id(s)
        if (known := self.vector_stores.get(key)) is not None:
            return known
        if isinstance(s, S.BufferStore):
            found = DataType.of(s.value.dtype).lanes > 1
        else:
            found = any(self.has_vector_store(c) for c in children(s) if isinstance(c, S.Stmt))
        self.vector_stores[key] = found
        self.keep.append(s)
        return found

    def loop_metadata(self) -> str:
        """A loop's ``!llvm.loop`` metadata: no unrolling, no vectorization.

        For loops of vector code already, where LLVM's versions would only cost compile time.
        """
        n = len(self.metadata)
        self.metadata.append(f"!{n} = distinct !{{!{n}, !1, !{n + 1}}}")
        self.metadata.append(f'!{n + 1} = !{{!"llvm.loop.vectorize.enable", i1 false}}')
        return f"!{n}"

    def full_unroll_metadata(self) -> str:
        """A loop's ``!llvm.loop`` metadata: unroll it completely (LLVM's own unrolling is off)."""
        n = len(self.metadata)
        self.metadata.append(f"!{n} = distinct !{{!{n}, !{n + 1}}}")
        self.metadata.append(f'!{n + 1} = !{{!"llvm.loop.unroll.full"}}')
        return f"!{n}"

    def fresh(self, hint: str) -> str:
        self.counter += 1
        return f"{hint}{self.counter}"


@dataclass
class _Loop:
    cont: Block
    exit: Block
    heap_depth: int


class FunctionLowering(CallLowering):
    """Lowers one function body (a kernel, or the body of a parallel loop)."""

    def __init__(
        self,
        module: ModuleState,
        fb: FunctionBuilder,
        values: dict[E.Var, Value],
        *,
        name: str,
        noalias: bool,
        in_parallel: bool = False,
        nontemporal: frozenset[E.Var] = frozenset(),
    ) -> None:
        super().__init__(fb, values)
        self.module = module
        self.name = name
        self.noalias = noalias
        self.in_parallel = in_parallel
        self.loop_extents: list[int | None] = []  # constant extents of the enclosing loops
        self.heap: list[Value] = []
        self.loops: list[_Loop] = []
        self.nontemporal = nontemporal
        self.owned: set[E.Var] = set()  # pointers that are parameters or allocations
        self.nt_aligned: bool | None = None  # in the streaming-store version of a loop
        self._stmt_fns: dict[type, Any] = {
            S.BufferStore: self.buffer_store,
            S.Evaluate: self.evaluate,
            S.Bind: self.bind,
            S.AttrStmt: self.attr,
            S.AssertStmt: self.assert_stmt,
            S.For: self.for_loop,
            S.While: self.while_loop,
            S.Break: self.jump,
            S.Continue: self.jump,
            S.IfThenElse: self.if_stmt,
            S.SeqStmt: self.seq,
            S.AllocBuffer: self.alloc_single,
            S.DeclBuffer: self.decl_single,
        }

    def call(self, e: E.Call) -> Value:
        if isinstance(e.op, Op) and e.op.name in ("tir.tvm_call_packed", "tir.tvm_call_cpacked"):
            from tvmscript.codegen.llvm.packed import lower_packed_call

            return lower_packed_call(self, e)
        return super().call(e)

    # -- statements ---------------------------------------------------------------------------

    def stmt(self, s: S.Stmt) -> None:
        if s.span is not None:
            self.span = s.span
        fn = self._stmt_fns.get(type(s))
        if fn is None:
            what = "a block" if isinstance(s, S.SBlock | S.SBlockRealize) else type(s).__name__
            raise self.error(f"cannot generate code for {what}", s)
        fn(s)

    def finish(self) -> None:
        """Return success from the end of the function."""
        self.free_to(0)
        self.fb.terminate("  ret i32 0")

    def seq(self, s: S.SeqStmt) -> None:
        depth = len(self.heap)
        for item in s.seq:
            if isinstance(item, S.AllocBuffer | S.DeclBuffer):
                self.allocate(item.buffer, item)
            else:
                self.stmt(item)
        self.free_to(depth)

    def alloc_single(self, s: S.AllocBuffer) -> None:
        depth = len(self.heap)
        self.allocate(s.buffer, s)
        self.free_to(depth)

    def decl_single(self, s: S.DeclBuffer) -> None:
        self.alloc_single(S.AllocBuffer(s.buffer))

    def evaluate(self, s: S.Evaluate) -> None:
        if isinstance(s.value, E.IntImm):
            return
        self.expr(s.value)

    def bind(self, s: S.Bind) -> None:
        self.values[s.var] = self.expr(s.value)

    def attr(self, s: S.AttrStmt) -> None:
        if s.attr_key in ("thread_extent", "virtual_thread"):
            raise self.error(f"'{s.attr_key}' (a GPU launch) cannot run on the CPU target", s)
        self.stmt(s.body)

    def if_stmt(self, s: S.IfThenElse) -> None:
        c = self.to_bool(s.condition)
        if T.lanes_of(c.type) != 1:
            raise self.error("an if statement needs a scalar condition", s)
        fb = self.fb
        then_b, done = fb.new_block("then"), fb.new_block("endif")
        else_b = fb.new_block("else") if s.else_case is not None else done
        fb.cond_br(c, then_b, else_b)
        fb.place(then_b)
        self.stmt(s.then_case)
        fb.br(done)
        if s.else_case is not None:
            fb.place(else_b)
            self.stmt(s.else_case)
            fb.br(done)
        fb.place(done)

    def jump(self, s: S.Stmt) -> None:
        if not self.loops:
            raise self.error("'break' or 'continue' outside a loop", s)
        loop = self.loops[-1]
        self.free_to(loop.heap_depth, keep=True)
        self.fb.br(loop.exit if isinstance(s, S.Break) else loop.cont)
        self.fb.place(self.fb.new_block("dead"))

    def assert_stmt(self, s: S.AssertStmt) -> None:
        c = self.to_bool(s.condition)
        if T.lanes_of(c.type) != 1:
            c = self.all_lanes(c)
        fb = self.fb
        ok, bad = fb.new_block("assert_ok"), fb.new_block("assert_fail")
        fb.cond_br(c, ok, bad)
        fb.place(bad)
        self.fail(f"{s.error_kind}: {''.join(s.message_parts)}")
        fb.place(ok)

    def all_lanes(self, c: Value) -> Value:
        n = T.lanes_of(c.type)
        return self.call_intrinsic(f"llvm.vector.reduce.and.v{n}i1", "i1", [c])

    def fail(self, message: str | None, code: Value | None = None) -> None:
        """Record ``message`` as the error, free what is allocated, return non-zero."""
        if message is not None:
            msg = self.module.string(message)
            self.fb.emit(f"  store ptr {msg.ref}, ptr @__tvms_error")
        self.free_to(0, keep=True)
        self.fb.terminate(f"  ret i32 {code.ref if code is not None else -1}")

    # -- loops --------------------------------------------------------------------------------

    def for_loop(self, s: S.For) -> None:
        self.loop_extents.append(s.extent.value if isinstance(s.extent, E.IntImm) else None)
        try:
            self._for_loop(s)
        finally:
            self.loop_extents.pop()

    def _for_loop(self, s: S.For) -> None:
        if s.kind == S.ForKind.THREAD_BINDING:
            tag = s.thread_binding.thread_tag if s.thread_binding is not None else ""
            if not tag.startswith("vthread"):
                raise self.error(
                    f"loop '{s.loop_var.name}' is bound to GPU thread '{tag}': "
                    "the CPU target has no GPU threads",
                    s,
                )
        if s.kind == S.ForKind.PARALLEL and not self.in_parallel:
            self.parallel_loop(s)
            return
        lo = self.expr(s.min)
        ext = self.expr(s.extent)
        step = self.expr(s.step) if s.step is not None else None
        self.nt_versions(s, lambda: self.counted_loop(s, lo, ext, step))

    def nt_versions(self, s: S.For, emit: Callable[[], None]) -> None:
        """Emit loop ``s`` twice when it has streaming stores.

        One version with them, taken when the outputs are 16-byte aligned (a run-time test),
        one with ordinary stores.
        """
        targets = [v for v in self.nontemporal if v in self.values]
        if self.nt_aligned is not None or not targets or not _stores_to(s, set(targets)):
            emit()
            return
        fb = self.fb
        cond: Value | None = None
        for var in targets:
            addr = fb.op("i64", f"ptrtoint ptr {self.values[var].ref} to i64")
            low = fb.op("i64", f"and i64 {addr.ref}, 15")
            ok = fb.op("i1", f"icmp eq i64 {low.ref}, 0")
            cond = ok if cond is None else fb.op("i1", f"and i1 {cond.ref}, {ok.ref}")
        assert cond is not None
        fast, slow, done = fb.new_block("nt"), fb.new_block("plain"), fb.new_block("nt_done")
        fb.cond_br(cond, fast, slow)
        for aligned, block in ((True, fast), (False, slow)):
            fb.place(block)
            self.nt_aligned = aligned
            emit()
            fb.br(done)
        self.nt_aligned = None
        fb.place(done)

    def counted_loop(self, s: S.For, lo: Value, ext: Value, step: Value | None) -> None:
        """``for var in range(lo, lo + ext, step)``."""
        ty = T.reg_type(s.loop_var.dtype)
        lo = self.cast(lo, s.min.dtype, s.loop_var.dtype)
        ext = self.cast(ext, s.extent.dtype, s.loop_var.dtype)
        end = self.fb.op(ty, f"add nsw {lo.typed()}, {ext.ref}")
        inc = "1"
        if step is not None and s.step is not None:
            inc = self.cast(step, s.step.dtype, s.loop_var.dtype).ref
        self.loop_range(s, lo, end, inc)

    def counted_loop_values(self, s: S.For, lo: Value, begin: Value, count: Value) -> None:
        """``for var in [lo + begin, lo + begin + count)``, bounds already of the var's type."""
        start = self.fb.op(lo.type, f"add nsw {lo.typed()}, {begin.ref}")
        end = self.fb.op(lo.type, f"add nsw {start.typed()}, {count.ref}")
        self.loop_range(s, start, end, "1")

    def loop_range(self, s: S.For, start: Value, end: Value, inc: str) -> None:
        fb = self.fb
        ty = start.type
        pre = fb.cur.label
        head, body, latch, done = (fb.new_block(h) for h in ("loop", "body", "latch", "done"))
        fb.br(head)
        fb.place(head)
        i = Value(ty, fb.fresh(_label(s.loop_var.name)))
        nxt = fb.fresh("next")
        fb.emit(f"  {i.ref} = phi {ty} [ {start.ref}, %{pre} ], [ {nxt}, %{latch.label} ]")
        cond = fb.op("i1", f"icmp slt {i.typed()}, {end.ref}")
        fb.cond_br(cond, body, done)
        fb.place(body)
        self.values[s.loop_var] = i
        self.loops.append(_Loop(latch, done, len(self.heap)))
        self.stmt(s.body)
        self.loops.pop()
        fb.br(latch)
        fb.place(latch)
        fb.emit(f"  {nxt} = add nsw {ty} {i.ref}, {inc}")
        md = ""
        if self.module.has_vector_store(s.body):
            md = f", !llvm.loop {self.module.loop_metadata()}"
        elif _tiny(s):
            md = f", !llvm.loop {self.module.full_unroll_metadata()}"
        fb.terminate(f"  br label %{head.label}{md}")
        fb.place(done)

    def while_loop(self, s: S.While) -> None:
        fb = self.fb
        head, body, done = fb.new_block("while"), fb.new_block("wbody"), fb.new_block("wdone")
        fb.br(head)
        fb.place(head)
        c = self.to_bool(s.condition)
        fb.cond_br(c, body, done)
        fb.place(body)
        self.loops.append(_Loop(head, done, len(self.heap)))
        self.stmt(s.body)
        self.loops.pop()
        fb.br(head)
        fb.place(done)

    # -- parallel loops -----------------------------------------------------------------------

    def parallel_loop(self, s: S.For) -> None:
        from tvmscript.codegen.llvm.parallel import outline_parallel

        outline_parallel(self, s)

    # -- memory -------------------------------------------------------------------------------

    def allocate(self, buf: Buffer, node: S.Stmt) -> None:
        """Give ``buf`` memory unless its pointer is already defined (a declaration)."""
        if buf.data in self.values:
            return
        scope = buf.scope
        if scope in _GPU_SCOPES or (
            scope.startswith(("shared", "local.", "wmma")) and scope != "local"
        ):
            raise self.error(
                f"buffer '{buf.name}' in GPU memory scope '{scope}' on the CPU target", node
            )
        elem = T.mem_type(buf.dtype)
        nbytes_elem = DataType.of(buf.dtype).bytes
        count: int | None = 1
        for dim in buf.shape:
            count = count * dim.value if isinstance(dim, E.IntImm) and count is not None else None
        self.owned.add(buf.data)
        if count is not None and count * nbytes_elem <= STACK_LIMIT:
            self.values[buf.data] = self.fb.alloca(elem, max(count, 1), HEAP_ALIGN)
            return
        size: Value = Value("i64", str(nbytes_elem))
        for dim in buf.shape:
            d = self.cast(self.expr(dim), dim.dtype, "int64")
            size = self.fb.op("i64", f"mul i64 {size.ref}, {d.ref}")
        rounded = self.fb.op("i64", f"add i64 {size.ref}, {HEAP_ALIGN - 1 + HEAP_ALIGN}")
        rounded = self.fb.op("i64", f"and i64 {rounded.ref}, {-HEAP_ALIGN}")
        self.module.decls.add("declare noalias ptr @aligned_alloc(i64, i64) nounwind")
        self.module.decls.add("declare void @free(ptr) nounwind")
        ptr = self.fb.op("ptr", f"call ptr @aligned_alloc(i64 {HEAP_ALIGN}, i64 {rounded.ref})")
        isnull = self.fb.op("i1", f"icmp eq ptr {ptr.ref}, null")
        ok, bad = self.fb.new_block("alloc_ok"), self.fb.new_block("alloc_fail")
        self.fb.cond_br(isnull, bad, ok)
        self.fb.place(bad)
        self.fail(f"MemoryError: cannot allocate buffer '{buf.name}'")
        self.fb.place(ok)
        self.values[buf.data] = ptr
        self.heap.append(ptr)

    def free_to(self, depth: int, keep: bool = False) -> None:
        """Free the heap buffers allocated above ``depth`` (``keep``: still in scope after)."""
        for ptr in reversed(self.heap[depth:]):
            self.fb.emit(f"  call void @free(ptr {ptr.ref})")
        if not keep:
            del self.heap[depth:]

    # -- buffer access ------------------------------------------------------------------------

    def pointer(self, buf: Buffer, node: object) -> Value:
        if (p := self.values.get(buf.data)) is None:
            raise self.error(f"buffer '{buf.name}' is used where its memory is not defined", node)
        return p

    def address(self, buf: Buffer, index: Value) -> Value:
        base = self.pointer(buf, None)
        elem = T.mem_type(buf.dtype)
        return self.fb.op("ptr", f"getelementptr inbounds {elem}, ptr {base.ref}, {index.typed()}")

    def _index(self, indices: tuple[E.PrimExpr, ...], node: object) -> E.PrimExpr:
        if len(indices) != 1:
            raise self.error("a buffer access must be flattened before code generation", node)
        return indices[0]

    def buffer_load(self, e: E.BufferLoad) -> Value:
        buf = e.buffer
        idx = self._index(e.indices, e)
        mask = self.mask
        if e.predicate is not None:
            pred = self.to_bool(e.predicate)
            mask = (
                pred if mask is None else self.fb.op(pred.type, f"and {pred.typed()}, {mask.ref}")
            )
        raw = self.load_raw(buf, idx, e.dtype, mask)
        return self.from_memory(raw, e.dtype)

    def load_raw(self, buf: Buffer, idx: E.PrimExpr, dtype: str, mask: Value | None) -> Value:
        n = lanes(dtype)
        mty = T.mem_type(dtype)
        align = DataType.of(buf.dtype).bytes if DataType.of(buf.dtype).lanes == 1 else 1
        if n == DataType.of(buf.dtype).lanes:  # one element (maybe a vector-typed element)
            ptr = self.address(buf, self.expr(idx))
            if mask is not None and n > 1:
                return self.masked_load(ptr, mty, align, mask)
            return self.fb.op(mty, f"load {mty}, ptr {ptr.ref}, align {align}")
        if DataType.of(buf.dtype).lanes != 1:
            raise self.error("vector loads from a buffer of vectors are not supported", idx)
        if _is_dense(idx):
            assert isinstance(idx, E.Ramp)
            ptr = self.address(buf, self.expr(idx.base))
            if mask is not None:
                return self.masked_load(ptr, mty, align, mask)
            return self.fb.op(mty, f"load {mty}, ptr {ptr.ref}, align {align}")
        if isinstance(idx, E.Broadcast) and mask is None:
            ptr = self.address(buf, self.expr(idx.value))
            elem = T.element_of(mty)
            scalar = self.fb.op(elem, f"load {elem}, ptr {ptr.ref}, align {align}")
            return self.splat(scalar, n)
        ptrs = self.address_vector(buf, idx)
        m = mask if mask is not None else self.const(f"boolx{n}", 1)
        name = f"llvm.masked.gather.{_vsuffix(mty)}.v{n}p0"
        self.fb.needs.add(f"declare {mty} @{name}(<{n} x ptr>, <{n} x i1>, {mty})")
        args = f"<{n} x ptr> align {align} {ptrs.ref}, {m.typed()}, {mty} zeroinitializer"
        return self.fb.op(mty, f"call {mty} @{name}({args})")

    def masked_load(self, ptr: Value, mty: str, align: int, mask: Value) -> Value:
        name = f"llvm.masked.load.{_vsuffix(mty)}.p0"
        self.fb.needs.add(
            f"declare {mty} @{name}(ptr, {T.vector_of('i1', T.lanes_of(mty))}, {mty})"
        )
        args = f"ptr align {align} {ptr.ref}, {mask.typed()}, {mty} zeroinitializer"
        return self.fb.op(mty, f"call {mty} @{name}({args})")

    def address_vector(self, buf: Buffer, idx: E.PrimExpr) -> Value:
        base = self.pointer(buf, idx)
        iv = self.expr(idx)
        n = T.lanes_of(iv.type)
        elem = T.mem_type(buf.dtype)
        return self.fb.op(
            f"<{n} x ptr>", f"getelementptr inbounds {elem}, ptr {base.ref}, {iv.typed()}"
        )

    def from_memory(self, raw: Value, dtype: str) -> Value:
        elem = DataType.of(dtype).element()
        n = lanes(dtype)
        if elem == "bool":
            return self.fb.op(
                T.vector_of("i1", n), f"icmp ne {raw.typed()}, {self.zero_like(raw).ref}"
            )
        if elem == "bfloat16":
            i32 = T.vector_of("i32", n)
            wide = self.fb.op(i32, f"zext {raw.typed()} to {i32}")
            sh = self.fb.op(
                i32,
                f"shl {wide.typed()}, {self.const('int32' if n == 1 else f'int32x{n}', 16).ref}",
            )
            return self.fb.op(
                T.vector_of("float", n), f"bitcast {sh.typed()} to {T.vector_of('float', n)}"
            )
        return raw

    def to_memory(self, v: Value, dtype: str) -> Value:
        elem = DataType.of(dtype).element()
        n = lanes(dtype)
        if elem == "bool":
            return self.fb.op(T.vector_of("i8", n), f"zext {v.typed()} to {T.vector_of('i8', n)}")
        if elem == "bfloat16":
            return self.bf16_bits(v)
        return v

    def buffer_store(self, s: S.BufferStore) -> None:
        buf = s.buffer
        idx = self._index(s.indices, s)
        saved = self.mask
        mask: Value | None = None
        if s.predicate is not None:
            mask = self.to_bool(s.predicate)
            self.mask = mask
        # Reassociating pays when LLVM can vectorize the loop around the update; around a
        # loop of a few iterations (a 3x3 window) it only buys a masked horizontal sum.
        short = bool(self.loop_extents) and (self.loop_extents[-1] or _LONG) < _LONG
        self.reduction = None if short else _reduction_update(s)
        value = self.to_memory(self.expr(s.value), s.value.dtype)
        self.reduction = None
        self.mask = saved
        self.store_raw(buf, idx, value, mask, s)

    def store_raw(
        self, buf: Buffer, idx: E.PrimExpr, v: Value, mask: Value | None, s: S.BufferStore
    ) -> None:
        n = T.lanes_of(v.type)
        bl = DataType.of(buf.dtype).lanes
        align = DataType.of(buf.dtype).bytes if bl == 1 else 1
        fb = self.fb
        if n == bl or (_is_dense(idx) and bl == 1):
            base_idx = idx.base if isinstance(idx, E.Ramp) and n != bl else idx
            ptr = self.address(buf, self.expr(base_idx))
            if mask is not None and n > 1:
                name = f"llvm.masked.store.{_vsuffix(v.type)}.p0"
                fb.needs.add(f"declare void @{name}({v.type}, ptr, <{n} x i1>)")
                fb.emit(
                    f"  call void @{name}({v.typed()}, ptr align {align} {ptr.ref}, {mask.typed()})"
                )
                return
            if mask is not None:  # a scalar store under a scalar predicate
                then, done = fb.new_block("pstore"), fb.new_block("pdone")
                fb.cond_br(mask, then, done)
                fb.place(then)
                fb.emit(f"  store {v.typed()}, ptr {ptr.ref}, align {align}")
                fb.br(done)
                fb.place(done)
                return
            if self.nt_aligned and buf.data in self.nontemporal and _aligned16(idx, align, n):
                fb.emit(f"  store {v.typed()}, ptr {ptr.ref}, align 16, !nontemporal !0")
                return
            fb.emit(f"  store {v.typed()}, ptr {ptr.ref}, align {align}")
            return
        if bl != 1:
            raise self.error("vector stores into a buffer of vectors are not supported", s)
        ptrs = self.address_vector(buf, idx)
        m = mask if mask is not None else self.const(f"boolx{n}", 1)
        name = f"llvm.masked.scatter.{_vsuffix(v.type)}.v{n}p0"
        fb.needs.add(f"declare void @{name}({v.type}, <{n} x ptr>, <{n} x i1>)")
        fb.emit(
            f"  call void @{name}({v.typed()}, <{n} x ptr> align {align} {ptrs.ref}, {m.typed()})"
        )


def _tiny(s: S.For) -> bool:
    """A loop of a few iterations around straight-line code (a 3-wide window): unrolled."""
    if not isinstance(s.extent, E.IntImm) or s.extent.value > _TINY or s.step is not None:
        return False
    found = False

    def check(n: object) -> None:
        nonlocal found
        found = found or isinstance(n, S.For | S.While)

    walk(s.body, check)
    return not found


_TINY: Final = 4
"""Innermost loops of at most this many iterations are unrolled completely."""
_LONG: Final = 8
"""Loops of fewer iterations keep a strict-order accumulation (no `reassoc`)."""


def _reduction_update(s: S.BufferStore) -> E.PrimExpr | None:
    """The ``+``/``max``/``min`` of a float accumulation ``B[i] = B[i] op x``, if ``s`` is one.

    Such an update may be reassociated, so that LLVM can vectorize the loop around it (TVM keeps
    strict order; the results differ in the last bits of a sum).
    """
    v = s.value
    if not isinstance(v, E.Add | E.Max | E.Min) or DataType.of(v.dtype).lanes != 1:
        return None
    if not DataType.of(v.dtype).is_float or len(s.indices) != 1:
        return None
    for side in (v.a, v.b):
        if (
            isinstance(side, E.BufferLoad)
            and side.buffer.data is s.buffer.data
            and len(side.indices) == 1
            and same_expr(side.indices[0], s.indices[0])
        ):
            return v
    return None


def _stores_to(s: S.Stmt, targets: set[E.Var]) -> bool:
    found = False

    def check(n: object) -> None:
        nonlocal found
        if isinstance(n, S.BufferStore) and n.buffer.data in targets:
            found = True

    walk(s, check)
    return found


def _aligned16(idx: E.PrimExpr, elem_bytes: int, lanes: int) -> bool:
    """Whether a dense store at ``idx`` of a 16-byte-aligned buffer is 16-byte aligned."""
    if not isinstance(idx, E.Ramp) or (lanes * elem_bytes) % 16:
        return False
    form = Analyzer().linear(idx.base)
    g = form.const
    for _, coeff in form.terms.values():
        g = math.gcd(g, coeff)
    return (g * elem_bytes) % 16 == 0


def _label(name: str) -> str:
    clean = "".join(c if c.isalnum() or c == "_" else "_" for c in name)
    return clean or "i"


def _is_dense(idx: E.PrimExpr) -> bool:
    return isinstance(idx, E.Ramp) and isinstance(idx.stride, E.IntImm) and idx.stride.value == 1


def _vsuffix(ty: str) -> str:
    n = T.lanes_of(ty)
    elem = T.element_of(ty)
    code = {"half": "f16", "float": "f32", "double": "f64"}.get(elem, elem)
    return f"v{n}{code}"


def free_vars(node: S.Stmt) -> list[E.Var]:
    """Variables ``node`` uses, in first-use order (including buffer pointers)."""
    seen: dict[E.Var, None] = {}
    stack: list[object] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, E.Var):
            seen.setdefault(n, None)
            continue
        if isinstance(n, E.BufferLoad | S.BufferStore | S.AllocBuffer | S.DeclBuffer):
            buf = n.buffer
            seen.setdefault(buf.data, None)
            stack.extend(reversed(buf.shape))
        if isinstance(n, E.Call):
            stack.extend(a for a in reversed(n.args) if isinstance(a, E.PrimExpr))
            continue
        stack.extend(reversed(children(n)))
    return list(seen)
