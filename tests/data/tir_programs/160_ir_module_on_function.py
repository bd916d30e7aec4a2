# Intended mistake: @I.ir_module applied to a function instead of a class.
from tvm.script import ir as I
from tvm.script import tirx as T


@I.ir_module
def zero_first(A: T.Buffer((8,), "float32")):
    A[0] = T.float32(0)
