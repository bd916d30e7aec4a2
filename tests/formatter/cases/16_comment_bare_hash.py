from tvm.script import tirx as T


@T.prim_func
def bare(A: T.Buffer((2,), "float32")):
    #
    A[0] = T.float32(0)  #
    #no space after the hash
    A[1] = T.float32(1)  #also here
