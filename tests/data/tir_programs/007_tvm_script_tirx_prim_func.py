import tvm


@tvm.script.tirx.prim_func
def copy(A: tvm.script.tirx.Buffer((10,), "int8"), B: tvm.script.tirx.Buffer((10,), "int8")):
    for i in range(10):
        B[i] = A[i]
