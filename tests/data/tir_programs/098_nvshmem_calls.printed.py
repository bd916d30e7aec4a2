# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def pe_ids(out: T.Buffer((2,), "int32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    tid = T.thread_id([32])
    if tid == 0:
        out[0] = T.nvshmem.my_pe()
        out[1] = T.nvshmem.n_pes()
    T.nvshmem.barrier_all()