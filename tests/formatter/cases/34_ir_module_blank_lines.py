from tvm.script import ir as I
from tvm.script import tirx as T
@I.ir_module
class Spaced:

    @T.prim_func
    def f(A: T.Buffer((2,), "int32")):

        A[0] = 1



        A[1] = 2



    @T.prim_func
    def g(A: T.Buffer((2,), "int32")):
        A[0] = 3
