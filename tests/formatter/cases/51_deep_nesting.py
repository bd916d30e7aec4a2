from tvm.script import tirx as T


@T.prim_func
def deep(A: T.Buffer((2, 2, 2, 2, 2, 2), "float32"), B: T.Buffer((2, 2, 2, 2, 2, 2), "float32")):
    for a in range(2):
        for b in range(2):
            for c in range(2):
                for d in range(2):
                    for e in range(2):
                        for f in range(2):
                            B[a, b, c, d, e, f] = A[a, b, c, d, e, f] * A[f, e, d, c, b, a] + A[a, a, a, f, f, f]
