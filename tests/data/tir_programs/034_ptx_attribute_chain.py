from tvm.script import tirx as T


@T.prim_func
def packed_fma(out: T.Buffer((32, 2), "float32")):
    T.device_entry()
    _warp = T.warp_id([1])
    lane = T.lane_id([32])
    pair = T.alloc_buffer((2,), "float32", scope="local")
    pair_u64 = pair.view("uint64")
    lhs: T.let = T.cuda.make_float2(T.cast(lane, "float32"), T.float32(1))
    rhs: T.let = T.cuda.make_float2(T.float32(0.5), T.float32(2))
    addend: T.let = T.cuda.make_float2(T.float32(1), T.float32(1))
    T.ptx.fma.rn.ftz.f32x2(pair_u64[0], lhs, rhs, addend)
    out[lane, 0] = pair[0]
    out[lane, 1] = pair[1]
