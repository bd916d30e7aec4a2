from tvm.script import tirx as T


@T.prim_func
def add_two(A_ptr: T.handle, B_ptr: T.handle):
    A = T.match_buffer(A_ptr, (1024,), "float32")
    B = T.match_buffer(B_ptr, (1024,), "float32")
    T.device_entry()
    bx = T.cta_id([8])
    tx = T.thread_id([128])
    B[bx * 128 + tx] = A[bx * 128 + tx] + T.float32(2)
