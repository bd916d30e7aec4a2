# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def block_sum(A: T.Buffer((256,), "float32"), out: T.Buffer((1,), "float32")):
    T.func_attr({"target": T.target({"arch": "sm_50", "keys": ["cuda", "gpu"], "kind": "cuda", "max_num_threads": 1024, "tag": "", "thread_warp_size": 32})})
    tx = T.launch_thread("threadIdx.x", 256)
    sm = T.alloc_shared((256,))
    sm[tx] = A[tx]
    T.tvm_storage_sync("shared", T.bool(False), -1)
    stride: T.int32 = 128
    while stride >= 1:
        if tx < stride:
            sm[tx] = sm[tx] + sm[tx + stride]
        T.tvm_storage_sync("shared", T.bool(False), -1)
        stride = stride // 2
    if tx == 0:
        out = sm[0]