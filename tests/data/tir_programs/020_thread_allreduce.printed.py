# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def row_sum(A: T.Buffer((16, 128), "float32"), B: T.Buffer((16,), "float32")):
    T.func_attr({"target": T.target({"arch": "sm_50", "keys": ["cuda", "gpu"], "kind": "cuda", "max_num_threads": 1024, "tag": "", "thread_warp_size": 32})})
    bx = T.launch_thread("blockIdx.x", 16)
    tx = T.launch_thread("threadIdx.x", 128)
    red_buf: T.float32
    with T.attr(T.comm_reducer(lambda x, y: x + y, [T.float32(0.0)]), "reduce_scope", T.reinterpret(T.handle().ty, T.uint64(0))):
        T.tvm_thread_allreduce(T.uint32(1), A[bx, tx], T.bool(True), red_buf, tx)
    if tx == 0:
        B[bx] = red_buf