from tvm.script import tirx as T


@T.prim_func
def maths(A: T.Buffer((16,), "float32"), B: T.Buffer((16, 8), "float32")):
    for i in range(16):
        B[i, 0] = T.exp(A[i]) + T.log(A[i] + T.float32(1))
        B[i, 1] = T.tanh(A[i]) * T.sigmoid(A[i])
        B[i, 2] = T.pow(A[i], T.float32(2)) + T.fabs(A[i])
        B[i, 3] = T.floor(A[i]) + T.ceil(A[i]) + T.round(A[i]) + T.trunc(A[i])
        B[i, 4] = T.erf(A[i]) + T.rsqrt(A[i] + T.float32(1))
        B[i, 5] = T.atan2(A[i], T.float32(1)) + T.hypot(A[i], T.float32(1))
        B[i, 6] = T.if_then_else(T.isnan(A[i]), T.float32(0), A[i])
        B[i, 7] = T.min(T.max_value("float32"), T.exp2(A[i]) + T.log2(A[i] + T.float32(1)))
