# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def halves(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    v: T.float32x8 = A[T.Ramp(0, 1, 8)]
    lo: T.float32x4 = T.vectorlow("float32x4", v)
    hi: T.float32x4 = T.vectorhigh("float32x4", v)
    B[0:8] = T.vectorcombine("float32x8", hi, lo)