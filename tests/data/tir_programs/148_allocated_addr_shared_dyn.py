# Intended mistake: allocated_addr= on a shared.dyn T.decl_buffer.
from tvm.script import tirx as T


@T.prim_func
def aliased(A: T.Buffer((64,), "float32"), B: T.Buffer((64,), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    tid = T.thread_id([64])
    raw = T.alloc_buffer((512,), "uint8", scope="shared.dyn")
    view_a = T.decl_buffer((64,), "float32", data=raw.data, scope="shared.dyn", allocated_addr=0)
    view_a[tid] = A[tid]
    B[tid] = view_a[tid]
