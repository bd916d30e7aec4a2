from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def row_max(A: T.Buffer((8, 64), "float32"), B: T.Buffer((8,), "float32")):
    T.func_attr({"target": T.target("cuda"), "tirx.noalias": True})
    for i in T.thread_binding(8, thread="blockIdx.x"):
        for k in T.thread_binding(64, thread="threadIdx.x"):
            with T.sblock("B"):
                vi, vk = T.axis.remap("SR", [i, k])
                T.reads(A[vi, vk])
                T.writes(B[vi])
                with T.init():
                    B[vi] = T.min_value("float32")
                B[vi] = T.max(B[vi], A[vi, vk])
