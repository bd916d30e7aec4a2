from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def padded_copy(A: T.Buffer((10,), "float32"), B: T.Buffer((10,), "float32")):
    for io, ii in T.grid(3, 4):
        with T.sblock("B"):
            vi = T.axis.spatial(10, io * 4 + ii)
            T.where(io * 4 + ii < 10)
            T.reads(A[vi])
            T.writes(B[vi])
            T.sblock_attr({"meta_schedule.tiling_structure": "S"})
            tmp = T.sblock_alloc_buffer((1,), "float32", scope="local")
            tmp[0] = A[vi] * T.float32(2)
            B[vi] = tmp[0]
