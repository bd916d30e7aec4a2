# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func(s_tir=True)
def add_twice(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32"), C: T.Buffer((16,), "float32"), D: T.Buffer((16,), "float32")):
    # with T.sblock("root"):
    for i in range(16):
        with T.sblock("add"):
            vi = T.axis.spatial(16, i)
            T.reads(A[vi], B[vi])
            T.writes(C[vi])
            C[vi] = A[vi] + B[vi]
    for i in range(16):
        with T.sblock("add_1"):
            vi = T.axis.spatial(16, i)
            T.reads(C[vi], B[vi])
            T.writes(D[vi])
            D[vi] = C[vi] + B[vi]