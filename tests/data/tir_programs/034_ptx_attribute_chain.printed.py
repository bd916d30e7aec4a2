# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def packed_fma(out: T.Buffer((32, 2), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    _warp = T.warp_id([1])
    lane = T.lane_id([32])
    pair = T.alloc_local((2,))
    pair_u64 = pair.view("uint64")
    lhs: T.let[T.uint64] = T.cuda.make_float2(T.Cast("float32", lane), T.float32(1.0))
    rhs: T.let[T.uint64] = T.cuda.make_float2(T.float32(0.5), T.float32(2.0))
    addend: T.let[T.uint64] = T.cuda.make_float2(T.float32(1.0), T.float32(1.0))
    T.ptx.fma(pair_u64, lhs, rhs, addend, "rn", "ftz", "", "f32x2", "", "")
    out[lane, 0] = pair[0]
    out[lane, 1] = pair[1]