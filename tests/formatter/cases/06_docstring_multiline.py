from tvm.script import tirx as T


@T.prim_func
def halve(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    '''Halve every element.

      B[i] = A[i] / 2, for i in 0..8.
    Nothing else is written.   
    '''
    for i in range(8):
        B[i] = A[i] * T.float32(0.5)
