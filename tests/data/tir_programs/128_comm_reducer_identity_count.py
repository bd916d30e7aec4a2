# Intended mistake: T.comm_reducer with two identities for a one-value combiner.
from tvm.script import tirx as T


@T.prim_func
def warp_total(A: T.Buffer((32,), "float32"), B: T.Buffer((1,), "float32")):
    T.func_attr({"target": T.target("cuda")})
    tx = T.launch_thread("threadIdx.x", 32)
    red = T.alloc_buffer((1,), "float32", scope="local")
    with T.attr(T.comm_reducer(lambda x, y: x + y, [T.float32(0), T.float32(0)]), "reduce_scope", T.reinterpret("handle", T.uint64(0))):
        T.tvm_thread_allreduce(T.uint32(1), A[tx], T.bool(True), red[0], tx)
    B[0] = red[0]
