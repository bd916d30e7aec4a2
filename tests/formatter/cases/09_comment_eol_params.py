from tvm.script import tirx as T


@T.prim_func
def axpy(x: T.Buffer((32,), "float32"),  # the input
         y: T.Buffer((32,), "float32"),  # read and written
         alpha: T.float32):  # the scale
    for i in range(32):
        y[i] = alpha * x[i] + y[i]  # y += alpha x
