from tvmscript import ir as I
from tvmscript import tir as T

WIDTH = 32


@I.ir_module
class Copies:
    @T.prim_func
    def copy(A: T.Buffer((WIDTH,), "float32"), B: T.Buffer((WIDTH,), "float32")):
        for i in range(WIDTH): B[i] = A[i]
