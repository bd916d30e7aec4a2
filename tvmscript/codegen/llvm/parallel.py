"""Outlining of ``T.parallel`` loops into thread-pool tasks.

``for i in T.parallel(n): body`` becomes::

    closure = {captured values..., min, n}           ; on the caller's stack
    rc = __tvms_parallel_launch(@task, closure, n)   ; runs task(t, T, closure) for t < T
    task(t, T, closure) -> impl(t, T, captured..., min, n)
    impl: for i in [min + t * chunk, min + min((t + 1) * chunk, n)): body

with ``chunk = ceil(n / T)``: TVM's static schedule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tvmscript.codegen.llvm import ir_text as T
from tvmscript.codegen.llvm.ir_text import FunctionBuilder, Value
from tvmscript.core.tir import stmt as S

if TYPE_CHECKING:
    from tvmscript.codegen.llvm.function import FunctionLowering

LAUNCH_DECL = "declare i32 @__tvms_parallel_launch(ptr, ptr, i64)"


def outline_parallel(low: FunctionLowering, s: S.For) -> None:
    """Emit the launch of ``s`` in ``low``'s function and the task functions in its module."""
    from tvmscript.codegen.llvm.function import FunctionLowering, free_vars

    module = low.module
    fb = low.fb
    lo = low.cast(low.expr(s.min), s.min.dtype, s.loop_var.dtype)
    ext = low.cast(low.expr(s.extent), s.extent.dtype, s.loop_var.dtype)
    captured = [v for v in free_vars(s.body) if v in low.values and v is not s.loop_var]
    vals = [low.values[v] for v in captured] + [lo, ext]
    struct = "{" + ", ".join(v.type for v in vals) + "}"
    closure = fb.alloca(struct, 1, 16)
    for i, v in enumerate(vals):
        slot = fb.op("ptr", f"getelementptr inbounds {struct}, ptr {closure.ref}, i32 0, i32 {i}")
        fb.emit(f"  store {v.typed()}, ptr {slot.ref}")
    task = module.fresh(f"{low.name}.par")
    # The task: unpack the closure, call the implementation.
    tb = FunctionBuilder(task, "i32", ["i32 %task", "i32 %ntask", "ptr %cl"], "nounwind")
    args = []
    for i, v in enumerate(vals):
        slot = tb.op("ptr", f"getelementptr inbounds {struct}, ptr %cl, i32 0, i32 {i}")
        args.append(tb.op(v.type, f"load {v.type}, ptr {slot.ref}"))
    params = ["i32 %task", "i32 %ntask"]
    impl_values = {}
    for i, (var, v) in enumerate(zip(captured, vals, strict=False)):
        attr = " noalias" if v.type == "ptr" and low.noalias and var in low.owned else ""
        params.append(f"{v.type}{attr} %c{i}")
        impl_values[var] = Value(v.type, f"%c{i}")
    params += [f"{lo.type} %lo", f"{ext.type} %ext"]
    call_args = ", ".join(["i32 %task", "i32 %ntask", *(a.typed() for a in args)])
    rc = tb.op("i32", f"call i32 @{task}.impl({call_args})")
    tb.terminate(f"  ret i32 {rc.ref}")
    # The implementation: one static chunk of the loop.
    ib = FunctionBuilder(f"{task}.impl", "i32", params, "nounwind")
    inner = FunctionLowering(
        module,
        ib,
        impl_values,
        name=low.name,
        noalias=low.noalias,
        in_parallel=True,
        nontemporal=low.nontemporal,
    )
    inner.owned = {v for v in captured if v in low.owned}
    ty = T.reg_type(s.loop_var.dtype)
    task_id = ib.op(ty, f"sext i32 %task to {ty}") if ty != "i32" else Value("i32", "%task")
    ntask = ib.op(ty, f"sext i32 %ntask to {ty}") if ty != "i32" else Value("i32", "%ntask")
    up = ib.op(ty, f"add {ty} %ext, {ntask.ref}")
    up = ib.op(ty, f"sub {ty} {up.ref}, 1")
    chunk = ib.op(ty, f"sdiv {ty} {up.ref}, {ntask.ref}")
    begin = ib.op(ty, f"mul {ty} {task_id.ref}, {chunk.ref}")
    stop = ib.op(ty, f"add {ty} {begin.ref}, {chunk.ref}")
    less = ib.op("i1", f"icmp slt {ty} {stop.ref}, %ext")
    stop = ib.op(ty, f"select i1 {less.ref}, {ty} {stop.ref}, {ty} %ext")
    count = ib.op(ty, f"sub {ty} {stop.ref}, {begin.ref}")
    serial = S.For(s.loop_var, s.loop_var, s.loop_var, S.ForKind.SERIAL, s.body)
    inner.nt_versions(
        serial, lambda: inner.counted_loop_values(serial, Value(ty, "%lo"), begin, count)
    )
    inner.finish()
    module.decls.update(ib.needs | tb.needs)
    module.functions.append(ib.text())
    module.functions.append(tb.text())
    # The launch.
    module.decls.add(LAUNCH_DECL)
    ext64 = low.cast(ext, s.loop_var.dtype, "int64")
    rc_main = fb.op(
        "i32", f"call i32 @__tvms_parallel_launch(ptr @{task}, ptr {closure.ref}, {ext64.typed()})"
    )
    bad = fb.op("i1", f"icmp ne i32 {rc_main.ref}, 0")
    ok_b, bad_b = fb.new_block("par_ok"), fb.new_block("par_fail")
    fb.cond_br(bad, bad_b, ok_b)
    fb.place(bad_b)
    low.fail(None, rc_main)
    fb.place(ok_b)
