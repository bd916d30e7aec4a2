# Scale a vector of any length `n`: handles are matched to buffers whose shape uses `n`.
from tvmscript import ir as I
from tvmscript import tir as T


@I.ir_module
class Module:
    @T.prim_func(s_tir=True)
    def scale(a: T.handle, b: T.handle, alpha: T.float32):
        n = T.int32()
        A = T.match_buffer(a, (n,), "float32")
        B = T.match_buffer(b, (n,), "float32")
        T.func_attr({"tirx.noalias": True})
        for i in range(n):
            with T.sblock("B"):
                vi = T.axis.spatial(n, i)
                T.reads(A[vi])
                T.writes(B[vi])
                B[vi] = A[vi] * alpha
