from tvm.script import tirx as T


@T.prim_func
def countdown(A: T.Buffer((10,), "int32")):
    i = T.alloc_buffer((1,), "int32", scope="local")
    i[0] = 9
    with T.While(i[0] >= 0):
        A[i[0]] = i[0] * i[0]
        i[0] = i[0] - 1
