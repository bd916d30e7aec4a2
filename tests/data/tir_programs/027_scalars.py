from tvm.script import tirx as T


@T.prim_func
def scalars(A: T.Buffer((32,), "float32"), B: T.Buffer((32,), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    tx = T.thread_id([32])
    flag = T.shared_scalar("int32")
    acc = T.local_scalar("float32")
    tmp = T.alloc_scalar("float32", scope="local")
    if tx == 0:
        flag = 1
    T.cuda.cta_sync()
    acc = A[tx] * T.float32(2)
    tmp = acc + T.cast(flag, "float32")
    B[tx] = tmp
