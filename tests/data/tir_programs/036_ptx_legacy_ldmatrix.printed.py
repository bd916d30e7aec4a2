# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def ldmatrix_x4(A: T.Buffer((16, 16), "float16"), B: T.Buffer((32, 8), "float16")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    lane = T.thread_id([32])
    A_s = T.alloc_shared((16, 16), "float16")
    frag = T.alloc_local((8,), "float16")
    for j in range(8):
        A_s[lane // 2, lane % 2 * 8 + j] = A[lane // 2, lane % 2 * 8 + j]
    T.cuda.cta_sync()
    T.ptx_legacy.ldmatrix(T.bool(False), 4, ".b16", frag.data, 0, A_s.data, lane % 16 * 16 + lane // 16 * 8)
    for j in range(8):
        B[lane, j] = frag[j]