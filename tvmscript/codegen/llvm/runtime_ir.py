"""The parallel runtime, in LLVM IR: a persistent thread pool that runs the tasks of parallel loops.

``__tvms_parallel_launch(task, closure, extent)`` runs ``task(t, T, closure)`` for ``t < T``,
``T = min(threads, extent)``, task 0 on the calling thread, and returns the first non-zero
result. Workers are POSIX threads created on first use (``TVMSCRIPT_NUM_THREADS``, default
the online CPUs; ``__tvms_pool_init(n)`` sets the count beforehand). They wait for work by
spinning briefly, then on a futex, so a sequence of launches costs no system call while the
workers are awake. A launch that finds the pool busy (a nested or concurrent one) runs its
tasks serially on the calling thread. Linux x86-64 only, like the rest of the backend.
"""

from __future__ import annotations

from typing import Final

SPIN: Final = 20000

RUNTIME_IR: Final = f"""
@pool.nthreads = internal global i32 0
@pool.init = internal global i32 0
@pool.gen = internal global i32 0
@pool.fn = internal global ptr null
@pool.cl = internal global ptr null
@pool.ntask = internal global i32 0
@pool.done = internal global i32 0
@pool.rc = internal global i32 0
@pool.busy = internal global i32 0
@pool.sleepers = internal global i32 0
@pool.main_sleeping = internal global i32 0
@pool.env = private unnamed_addr constant [22 x i8] c"TVMSCRIPT_NUM_THREADS\\00"

declare i64 @syscall(i64, ...) nounwind
declare i32 @pthread_create(ptr, ptr, ptr, ptr) nounwind
declare i32 @pthread_detach(i64) nounwind
declare ptr @getenv(ptr) nounwind
declare i32 @atoi(ptr) nounwind
declare i64 @sysconf(i32) nounwind
declare void @llvm.x86.sse2.pause() nounwind

define internal void @pool.futex_wait(ptr %addr, i32 %val) nounwind {{
entry:
  %r = call i64 (i64, ...) @syscall(i64 202, ptr %addr, i32 128, i32 %val, ptr null)
  ret void
}}

define internal void @pool.futex_wake(ptr %addr) nounwind {{
entry:
  %r = call i64 (i64, ...) @syscall(i64 202, ptr %addr, i32 129, i32 2147483647)
  ret void
}}

define internal ptr @pool.worker(ptr %arg) nounwind {{
entry:
  %k = ptrtoint ptr %arg to i32
  br label %wait
wait:
  %seen = phi i32 [ 0, %entry ], [ %g, %ran ]
  br label %spin
spin:
  %n = phi i32 [ 0, %wait ], [ %n1, %spin_more ], [ 0, %slept ]
  %g = load atomic i32, ptr @pool.gen acquire, align 4
  %new = icmp ne i32 %g, %seen
  br i1 %new, label %run, label %spin_check
spin_check:
  %n1 = add i32 %n, 1
  %long = icmp ugt i32 %n1, {SPIN}
  br i1 %long, label %sleep, label %spin_more
spin_more:
  call void @llvm.x86.sse2.pause()
  br label %spin
sleep:
  %s0 = atomicrmw add ptr @pool.sleepers, i32 1 seq_cst
  call void @pool.futex_wait(ptr @pool.gen, i32 %seen)
  %s1 = atomicrmw sub ptr @pool.sleepers, i32 1 seq_cst
  br label %slept
slept:
  br label %spin
run:
  %ntask = load i32, ptr @pool.ntask
  %mine = icmp slt i32 %k, %ntask
  br i1 %mine, label %call, label %finish
call:
  %fn = load ptr, ptr @pool.fn
  %cl = load ptr, ptr @pool.cl
  %rc = call i32 %fn(i32 %k, i32 %ntask, ptr %cl)
  %bad = icmp ne i32 %rc, 0
  br i1 %bad, label %record, label %finish
record:
  store atomic i32 %rc, ptr @pool.rc release, align 4
  br label %finish
finish:
  %d = atomicrmw add ptr @pool.done, i32 1 seq_cst
  %sl = load atomic i32, ptr @pool.main_sleeping seq_cst, align 4
  %wake = icmp ne i32 %sl, 0
  br i1 %wake, label %wake_main, label %ran
wake_main:
  call void @pool.futex_wake(ptr @pool.done)
  br label %ran
ran:
  br label %wait
}}

define i32 @__tvms_pool_init(i32 %want) nounwind {{
entry:
  %won = cmpxchg ptr @pool.init, i32 0, i32 1 seq_cst seq_cst
  %first = extractvalue {{ i32, i1 }} %won, 1
  br i1 %first, label %setup, label %wait_ready
wait_ready:
  %st = load atomic i32, ptr @pool.init acquire, align 4
  %ready = icmp eq i32 %st, 2
  br i1 %ready, label %done, label %wait_ready_pause
wait_ready_pause:
  call void @llvm.x86.sse2.pause()
  br label %wait_ready
setup:
  %given = icmp sgt i32 %want, 0
  br i1 %given, label %spawn, label %from_env
from_env:
  %env = call ptr @getenv(ptr @pool.env)
  %has = icmp ne ptr %env, null
  br i1 %has, label %parse, label %cpus
parse:
  %v = call i32 @atoi(ptr %env)
  %pos = icmp sgt i32 %v, 0
  br i1 %pos, label %spawn, label %cpus
cpus:
  %c = call i64 @sysconf(i32 84)
  %c32 = trunc i64 %c to i32
  br label %spawn
spawn:
  %nt0 = phi i32 [ %want, %setup ], [ %v, %parse ], [ %c32, %cpus ]
  %few = icmp slt i32 %nt0, 1
  %nt1 = select i1 %few, i32 1, i32 %nt0
  %many = icmp sgt i32 %nt1, 256
  %nt = select i1 %many, i32 256, i32 %nt1
  %tid = alloca i64
  br label %create
create:
  %i = phi i32 [ 1, %spawn ], [ %i1, %created ]
  %more = icmp slt i32 %i, %nt
  br i1 %more, label %make, label %started
make:
  %ip = inttoptr i32 %i to ptr
  %err = call i32 @pthread_create(ptr %tid, ptr null, ptr @pool.worker, ptr %ip)
  %failed = icmp ne i32 %err, 0
  br i1 %failed, label %started, label %created
created:
  %t = load i64, ptr %tid
  %dr = call i32 @pthread_detach(i64 %t)
  %i1 = add i32 %i, 1
  br label %create
started:
  %count = phi i32 [ %i, %create ], [ %i, %make ]
  store i32 %count, ptr @pool.nthreads
  store atomic i32 2, ptr @pool.init release, align 4
  br label %done
done:
  %r = load i32, ptr @pool.nthreads
  ret i32 %r
}}

; After fork(): the child has none of the workers; forget them (the next launch starts anew).
define void @__tvms_pool_reset() nounwind {{
entry:
  store i32 0, ptr @pool.nthreads
  store i32 0, ptr @pool.busy
  store i32 0, ptr @pool.sleepers
  store i32 0, ptr @pool.main_sleeping
  store atomic i32 0, ptr @pool.init release, align 4
  ret void
}}

define i32 @__tvms_parallel_launch(ptr %fn, ptr %cl, i64 %extent) nounwind {{
entry:
  %st = load atomic i32, ptr @pool.init acquire, align 4
  %ready = icmp eq i32 %st, 2
  br i1 %ready, label %go, label %init
init:
  %nti = call i32 @__tvms_pool_init(i32 0)
  br label %go
go:
  %nt = load i32, ptr @pool.nthreads
  %none = icmp sle i64 %extent, 0
  br i1 %none, label %nothing, label %check
nothing:
  ret i32 0
check:
  %nt64 = sext i32 %nt to i64
  %lt = icmp slt i64 %extent, %nt64
  %ntask64 = select i1 %lt, i64 %extent, i64 %nt64
  %ntask = trunc i64 %ntask64 to i32
  %single = icmp sle i32 %ntask, 1
  br i1 %single, label %serial, label %claim
claim:
  %won = cmpxchg ptr @pool.busy, i32 0, i32 1 acquire monotonic
  %got = extractvalue {{ i32, i1 }} %won, 1
  br i1 %got, label %launch, label %serial
serial:
  %rc_s = call i32 %fn(i32 0, i32 1, ptr %cl)
  ret i32 %rc_s
launch:
  store ptr %fn, ptr @pool.fn
  store ptr %cl, ptr @pool.cl
  store i32 %ntask, ptr @pool.ntask
  store i32 0, ptr @pool.done
  store i32 0, ptr @pool.rc
  %g = atomicrmw add ptr @pool.gen, i32 1 seq_cst
  %sleepers = load atomic i32, ptr @pool.sleepers seq_cst, align 4
  %asleep = icmp ne i32 %sleepers, 0
  br i1 %asleep, label %wake, label %work
wake:
  call void @pool.futex_wake(ptr @pool.gen)
  br label %work
work:
  %rc0 = call i32 %fn(i32 0, i32 %ntask, ptr %cl)
  %workers = sub i32 %nt, 1
  br label %wait
wait:
  %n = phi i32 [ 0, %work ], [ %n1, %wait_more ], [ 0, %slept ]
  %d = load atomic i32, ptr @pool.done acquire, align 4
  %all = icmp eq i32 %d, %workers
  br i1 %all, label %finish, label %wait_check
wait_check:
  %n1 = add i32 %n, 1
  %long = icmp ugt i32 %n1, {SPIN}
  br i1 %long, label %sleep, label %wait_more
wait_more:
  call void @llvm.x86.sse2.pause()
  br label %wait
sleep:
  store atomic i32 1, ptr @pool.main_sleeping seq_cst, align 4
  %d2 = load atomic i32, ptr @pool.done seq_cst, align 4
  %all2 = icmp eq i32 %d2, %workers
  br i1 %all2, label %woke, label %do_sleep
do_sleep:
  call void @pool.futex_wait(ptr @pool.done, i32 %d2)
  br label %woke
woke:
  store atomic i32 0, ptr @pool.main_sleeping seq_cst, align 4
  br label %slept
slept:
  br label %wait
finish:
  %rcw = load atomic i32, ptr @pool.rc acquire, align 4
  store atomic i32 0, ptr @pool.busy release, align 4
  %bad0 = icmp ne i32 %rc0, 0
  %rc = select i1 %bad0, i32 %rc0, i32 %rcw
  ret i32 %rc
}}
"""
