# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def locals_(A: T.Buffer((32, 4), "float32"), B: T.Buffer((32,), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    _warp = T.warp_id([1])
    lane = T.lane_id([32])
    regs = T.alloc_local((4,))
    total: T.float32 = T.float32(0.0)
    scale: T.let[T.float32] = T.float32(0.25)
    for j in range(4):
        regs[j] = A[lane, j]
    for j in T.unroll(4):
        total = total + regs[j] * scale
    B[lane] = total