# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def cluster_ids(out: T.Buffer((4, 2), "int32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    cl = T.cluster_id([4])
    cta = T.cta_id_in_cluster([2])
    tid = T.thread_id([32])
    if tid == 0:
        out[cl, cta] = cl * 2 + cta