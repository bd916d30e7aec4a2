# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func(s_tir=True)
def nested_tx(A: T.Buffer((32, 32), "float32")):
    # with T.sblock("root"):
    for i in T.thread_binding(32, thread="threadIdx.x"):
        for j in T.thread_binding(32, thread="threadIdx.x"):
            with T.sblock("A"):
                vi, vj = T.axis.remap("SS", [i, j])
                T.reads()
                T.writes(A[vi, vj])
                A[vi, vj] = T.float32(0.0)