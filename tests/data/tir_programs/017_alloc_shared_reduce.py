from tvm.script import tirx as T


@T.prim_func
def block_sum(A: T.Buffer((256,), "float32"), out: T.Buffer((1,), "float32")):
    T.func_attr({"target": T.target("cuda")})
    tx = T.launch_thread("threadIdx.x", 256)
    sm = T.alloc_shared((256,), "float32")
    sm[tx] = A[tx]
    T.tvm_storage_sync("shared")
    stride = T.alloc_local((1,), "int32")
    stride[0] = 128
    while stride[0] >= 1:
        if tx < stride[0]:
            sm[tx] = sm[tx] + sm[tx + stride[0]]
        T.tvm_storage_sync("shared")
        stride[0] = stride[0] // 2
    if tx == 0:
        out[0] = sm[0]
