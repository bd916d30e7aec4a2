from tvm.script import tirx as T


@T.prim_func
def row_sum(A: T.Buffer((16, 128), "float32"), B: T.Buffer((16,), "float32")):
    T.func_attr({"target": T.target("cuda")})
    bx = T.launch_thread("blockIdx.x", 16)
    tx = T.launch_thread("threadIdx.x", 128)
    red_buf = T.alloc_buffer((1,), "float32", scope="local")
    with T.attr(
        T.comm_reducer(lambda x, y: x + y, [T.float32(0)]),
        "reduce_scope",
        T.reinterpret("handle", T.uint64(0)),
    ):
        T.tvm_thread_allreduce(T.uint32(1), A[bx, tx], T.bool(True), red_buf[0], tx)
    if tx == 0:
        B[bx] = red_buf[0]
