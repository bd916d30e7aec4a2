from tvm.script import tirx as T


@T.prim_func
def cluster_ids(out: T.Buffer((4, 2), "int32")):
    T.device_entry()
    cl = T.cluster_id([4])
    cta = T.cta_id_in_cluster([2])
    tid = T.thread_id([32])
    if tid == 0:
        out[cl, cta] = cl * 2 + cta
