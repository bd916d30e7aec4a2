# from typing import TypeVar
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

m = TypeVar("m")
n = TypeVar("n")
@T.prim_func
def dyn_add(A: T.Buffer((n, m), "float32"), B: T.Buffer((n, m), "float32"), C: T.Buffer((n, m), "float32")):
    for i, j in T.grid(n, m):
        C[i, j] = A[i, j] + B[i, j]