from tvm.script import tirx as T


@T.prim_func
def masked_tail(A: T.Buffer((20,), "float32"), B: T.Buffer((20,), "float32")):
    for i in range(5):
        mask: T.let = T.get_active_lane_mask("boolx4", i * 4, 18)
        v: T.let = T.masked_load("float32x4", A, T.Ramp(i * 4, 1, 4), mask)
        T.masked_store(B, v + T.Broadcast(T.float32(1), 4), T.Ramp(i * 4, 1, 4), mask)
