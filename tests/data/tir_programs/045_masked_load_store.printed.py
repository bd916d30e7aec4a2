# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def masked_tail(A: T.Buffer((20,), "float32"), B: T.Buffer((20,), "float32")):
    for i in range(5):
        mask: T.let[T.boolx4] = T.get_active_lane_mask("boolx4", i * 4, 18)
        v: T.let[T.float32x4] = T.masked_load("float32x4", A, T.Ramp(i * 4, 1, 4), mask)
        T.masked_store(B, v + T.Broadcast(T.float32(1.0), 4), T.Ramp(i * 4, 1, 4), mask)