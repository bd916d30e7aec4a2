# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def unchecked(A: T.Buffer((8, 8), "float32"), B: T.Buffer((8, 8), "float32")):
    for i, j in T.grid(8, 8):
        with T.sblock("B"):
            vi, vj = T.axis.remap("SS", [i, j])
            T.reads()
            T.writes()
            T.sblock_attr({"tirx.script_parsing_detect_access": T.int64(3)})
            B[vi, vj] = A[vi, vj]